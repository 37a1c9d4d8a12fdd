import { courseBody, courseId, microMastersBody, ONLINE, scmPolicy, scmProgram } from '../../libs/transfer/test/scm-pathway.http-fixtures';
import { call } from '../lib/server-process';

/** The state the API benchmark works on: the MIT SCM pathway, learners with a full MicroMasters. */
export interface ApiFixture {
  issuerToken: string;
  submitterToken: string;
  registrarToken: string;
  courseIds: string[];
  learnerIds: string[];
  /** Submissions ready to send: one per prepared learner with its evidence. */
  submissions: string[];
}

export async function provisionFixture(baseUrl: string, adminToken: string, learners: number, stacked: number): Promise<ApiFixture> {
  const tokens: Record<string, string> = {};
  for (const [institutionId, role] of [['mitx', 'issuer'], ['uni-porto', 'submitter'], ['mit', 'registrar']] as const) {
    await call(baseUrl, adminToken, 'POST', '/institutions', { institutionId, name: institutionId, country: 'US', creditUnit: 'US_SEMESTER' });
    tokens[role] = (await call<{ token: string }>(baseUrl, adminToken, 'POST', `/institutions/${institutionId}/credentials`, { role, label: 'bench' })).token;
  }
  for (const code of ONLINE) await call(baseUrl, tokens.issuer, 'POST', '/courses', courseBody(code));
  await call(baseUrl, tokens.registrar, 'POST', '/programs/mit-scm/versions', { definition: scmProgram() });
  await call(baseUrl, tokens.registrar, 'POST', '/policies/mit-scm-recognition/versions', { definition: scmPolicy() });
  const learnerIds: string[] = [];
  const submissions: string[] = [];
  for (let i = 0; i < learners; i += 1) {
    const learnerId = (await call<{ id: string }>(baseUrl, tokens.issuer, 'POST', '/learners', {})).id;
    learnerIds.push(learnerId);
    if (i >= stacked) continue;
    const completionIds: string[] = [];
    for (const [k, code] of ONLINE.entries()) {
      const body = { courseId: courseId(code), grade: { scale: 'percent', value: String(80 + k) }, identityVerified: true, completedOn: `2025-0${k + 2}-15` };
      completionIds.push((await call<{ id: string }>(baseUrl, tokens.issuer, 'POST', `/learners/${learnerId}/completions`, body)).id);
    }
    const credentialId = (await call<{ id: string }>(baseUrl, tokens.issuer, 'POST', `/learners/${learnerId}/credentials`, microMastersBody(completionIds))).id;
    await call(baseUrl, tokens.registrar, 'POST', '/admissions', { learnerId, programId: 'mit-scm', decidedOn: '2026-01-15' });
    submissions.push(JSON.stringify({ learnerId, receivingInstitution: 'mit', programId: 'mit-scm', evidence: { completionIds, credentialIds: [credentialId] } }));
  }
  return {
    issuerToken: tokens.issuer,
    submitterToken: tokens.submitter,
    registrarToken: tokens.registrar,
    courseIds: ONLINE.map(courseId),
    learnerIds,
    submissions,
  };
}

export function completionBody(fixture: ApiFixture, i: number): string {
  return JSON.stringify({
    courseId: fixture.courseIds[i % fixture.courseIds.length],
    grade: { scale: 'percent', value: String(60 + (i % 40)) },
    identityVerified: true,
    completedOn: '2026-05-20',
  });
}
