import request from 'supertest';
import type { RecordedEvent } from '@app/event-store';
import { ENGINE_VERSION } from '@app/requirements';
import { courseBody, courseId, microMastersBody, ONLINE, scmPolicy, scmProgram } from '../../libs/transfer/test/scm-pathway.http-fixtures';
import { provision } from './provision';
import type { StandaloneUnderTest } from './standalone-app';

async function streamEvents(t: StandaloneUnderTest, stream: string): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of t.store.readStream(stream)) out.push(e);
  return out;
}

/**
 * The acceptance flow of the write side, through the public HTTP API of the standalone app:
 * institutions and credentials provisioned; MITx records six completions and awards the
 * MicroMasters; MIT publishes the SCM blended program and its policy and admits the learner; a
 * university submits a request; the automatic evaluation and the registrar's decision are events
 * carrying the pinned versions. Runs on whatever store the app was started on.
 */
export interface ScmFlowResult {
  learnerId: string;
  requestId: string;
  credentialId: string;
  completionIds: string[];
  tokens: { mit: Record<string, string>; mitx: Record<string, string>; uni: Record<string, string> };
}

export async function runScmFlow(t: StandaloneUnderTest): Promise<ScmFlowResult> {
  const mit = await provision(t, { institutionId: 'mit', name: 'MIT', country: 'US', creditUnit: 'US_SEMESTER' }, ['registrar']);
  const mitx = await provision(t, { institutionId: 'mitx', name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER' }, ['issuer']);
  const uni = await provision(t, { institutionId: 'uni-porto', name: 'Universidade do Porto', country: 'PT', creditUnit: 'ECTS' }, ['submitter']);
  const as = (token: string) => ({
    post: (path: string) => request(t.server).post(path).auth(token, { type: 'bearer' }),
    get: (path: string) => request(t.server).get(path).auth(token, { type: 'bearer' }),
  });

  for (const code of ONLINE) await as(mitx.issuer).post('/courses').send(courseBody(code)).expect(201);
  const learnerId: string = (await as(mitx.issuer).post('/learners').send({}).expect(201)).body.id;
  const completionIds: string[] = [];
  for (const [i, code] of ONLINE.entries()) {
    const body = { courseId: courseId(code), grade: { scale: 'percent', value: String(80 + i) }, identityVerified: true, completedOn: `2025-0${i + 2}-15` };
    completionIds.push((await as(mitx.issuer).post(`/learners/${learnerId}/completions`).send(body).expect(201)).body.id);
  }
  const credentialId: string = (await as(mitx.issuer).post(`/learners/${learnerId}/credentials`).send(microMastersBody(completionIds)).expect(201)).body.id;

  await as(mit.registrar).post('/programs/mit-scm/versions').send({ definition: scmProgram() }).expect(201);
  await as(mit.registrar).post('/policies/mit-scm-recognition/versions').send({ definition: scmPolicy() }).expect(201);
  await as(mit.registrar).post('/admissions').send({ learnerId, programId: 'mit-scm', decidedOn: '2026-01-15' }).expect(201);

  const submitted = await as(uni.submitter).post('/transfer-requests')
    .send({ learnerId, receivingInstitution: 'mit', programId: 'mit-scm', evidence: { completionIds, credentialIds: [credentialId] } })
    .expect(201);
  const requestId: string = submitted.body.id;
  const [submittedEvent, evaluated] = await streamEvents(t, `transfer-${requestId}`);
  expect(submittedEvent.metadata.actor).toEqual({ institutionId: 'uni-porto', role: 'submitter' });
  expect(evaluated).toMatchObject({
    type: 'RequestEvaluated',
    data: {
      engineVersion: ENGINE_VERSION,
      program: { programId: 'mit-scm', version: '2026-2027' },
      policy: { policyId: 'mit-scm-recognition', version: '2026.1' },
      conversionTable: { id: 'mit-units-2026' },
      programEvaluation: { residency: { outcome: 'reduced', pathway: 'blended', months: 5 } },
    },
  });
  const evidenceRead = evaluated.data.evidenceRead as { eventId: string; position: number }[];
  expect(evidenceRead.length).toBeGreaterThanOrEqual(7);
  for (const read of evidenceRead) expect(read.position).toBeLessThan(evaluated.position);

  const items = [
    ...completionIds.map((id) => ({ itemId: `completion:${id}`, outcome: 'granted', reasonCode: 'EQUIVALENT_COURSE' })),
    { itemId: `credential:${credentialId}`, outcome: 'recognized', reasonCode: 'PATHWAY_CREDENTIAL', note: 'unlocks the blended residency; not a course' },
  ];
  await as(mit.registrar).post(`/transfer-requests/${requestId}/decision`).set('If-Match', submitted.headers.etag).send({ items }).expect(201);
  const decided = (await streamEvents(t, `transfer-${requestId}`))[2];
  expect(decided).toMatchObject({ type: 'ItemsDecided', metadata: { actor: { institutionId: 'mit', role: 'registrar' } } });
  const view = await as(mit.registrar).get(`/transfer-requests/${requestId}`).expect(200);
  expect(JSON.stringify(view.body)).toContain('2026-2027');
  return { learnerId, requestId, credentialId, completionIds, tokens: { mit, mitx, uni } };
}
