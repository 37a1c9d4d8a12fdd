import { call } from '../lib/server-process';

/** The state the API benchmark works on: an issuer's courses and a pool of learners. */
export interface ApiFixture {
  issuerToken: string;
  submitterToken: string;
  registrarToken: string;
  courseIds: string[];
  learnerIds: string[];
}

export async function provisionFixture(baseUrl: string, adminToken: string, learners: number): Promise<ApiFixture> {
  const tokens: Record<string, string> = {};
  for (const [institutionId, roles] of [['mitx', ['issuer']], ['asu', ['submitter']], ['mit', ['registrar']]] as const) {
    await call(baseUrl, adminToken, 'POST', '/institutions', { institutionId, name: institutionId.toUpperCase(), country: 'US', creditUnit: 'US_SEMESTER' });
    for (const role of roles) {
      const issued = await call<{ token: string }>(baseUrl, adminToken, 'POST', `/institutions/${institutionId}/credentials`, { role, label: 'bench' });
      tokens[role] = issued.token;
    }
  }
  const courseIds = ['sc0x', 'sc1x', 'sc2x', 'sc3x', 'sc4x', 'scfx'].map((code) => `mitx-ctl.${code}`);
  for (const courseId of courseIds) {
    await call(baseUrl, tokens.issuer, 'POST', '/courses', {
      courseId, title: courseId, credits: '4', unit: 'US_SEMESTER', eqfLevel: 7, field: 'supply-chain', assessmentType: 'proctored-exam',
    });
  }
  const learnerIds: string[] = [];
  for (let i = 0; i < learners; i += 1) {
    learnerIds.push((await call<{ id: string }>(baseUrl, tokens.issuer, 'POST', '/learners', {})).id);
  }
  return { issuerToken: tokens.issuer, submitterToken: tokens.submitter, registrarToken: tokens.registrar, courseIds, learnerIds };
}

export function completionBody(fixture: ApiFixture, i: number): string {
  return JSON.stringify({
    courseId: fixture.courseIds[i % fixture.courseIds.length],
    grade: { scale: 'percent', value: String(60 + (i % 40)) },
    identityVerified: true,
    completedOn: '2026-05-20',
  });
}
