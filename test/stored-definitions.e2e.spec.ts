import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ReadModelProjector } from '@app/projections';
import { conversionTableRecordOf, policyStream } from '@app/transfer';
import { courseBody, courseId, microMastersBody, ONLINE, scmPolicy, scmProgram } from '../libs/transfer/test/scm-pathway.http-fixtures';
import { provision } from './support/provision';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

/**
 * A definition published before the EQF notation was enforced (levels: ["7"], which engine 1.1
 * accepted and which matched no evidence) stays readable: requests are still evaluated under it,
 * eligibility answers, its decisions reproduce identically. Publishing it again is refused.
 */
describe('definitions stored before the EQF notation rule', () => {
  let t: StandaloneUnderTest;
  let tokens: { registrar: string; issuer: string; submitter: string };
  let learnerId: string;
  let completionIds: string[];
  const as = (token: string) => ({
    get: (path: string) => request(t.server).get(path).auth(token, { type: 'bearer' }),
    post: (path: string) => request(t.server).post(path).auth(token, { type: 'bearer' }),
  });
  const legacyPolicy = () => ({ ...scmPolicy(), levels: ['7'] });

  beforeAll(async () => {
    t = await startStandalone();
    const { registrar } = await provision(t, { institutionId: 'mit', name: 'MIT', country: 'US', creditUnit: 'US_SEMESTER' }, ['registrar']);
    const { issuer } = await provision(t, { institutionId: 'mitx', name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER' }, ['issuer']);
    const { submitter } = await provision(t, { institutionId: 'uni-porto', name: 'Universidade do Porto', country: 'PT', creditUnit: 'ECTS' }, ['submitter']);
    tokens = { registrar, issuer, submitter };
    for (const code of ONLINE) await as(issuer).post('/courses').send(courseBody(code)).expect(201);
    learnerId = (await as(issuer).post('/learners').send({}).expect(201)).body.id;
    completionIds = [];
    for (const [i, code] of ONLINE.entries()) {
      const body = { courseId: courseId(code), grade: { scale: 'percent', value: '85' }, identityVerified: true, completedOn: `2025-0${i + 2}-15` };
      completionIds.push((await as(issuer).post(`/learners/${learnerId}/completions`).send(body).expect(201)).body.id);
    }
    await as(issuer).post(`/learners/${learnerId}/credentials`).send(microMastersBody(completionIds)).expect(201);
    await as(registrar).post('/programs/mit-scm/versions').send({ definition: scmProgram() }).expect(201);
    await as(registrar).post('/admissions').send({ learnerId, programId: 'mit-scm', decidedOn: '2026-01-15' }).expect(201);
    // The event a deployment before the rule wrote when this policy was published.
    const definition = legacyPolicy();
    const data = {
      policyId: 'mit-scm-recognition', version: '2026.1', institutionId: 'mit', programId: 'mit-scm', effectiveFrom: '2026-01-01', effectiveTo: null,
      conversionTable: conversionTableRecordOf(definition as Parameters<typeof conversionTableRecordOf>[0]), closes: null, definition, publishedOn: '2026-01-02',
    };
    await t.store.append(policyStream('mit-scm-recognition'), [
      { id: randomUUID(), type: 'PolicyVersionPublished', occurredAt: new Date().toISOString(), schemaVersion: 1, data, metadata: { correlationId: randomUUID(), causationId: null, actor: { institutionId: 'mit', role: 'registrar' } } },
    ], 'no-stream');
  }, 60000);
  afterAll(() => t?.close());

  it('publishing that definition today is refused at /definition/levels/0', async () => {
    const res = await as(tokens.registrar).post('/policies/mit-scm-recognition/versions').send({ definition: { ...legacyPolicy(), version: '2026.2', effectiveFrom: '2026-06-01' } }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: '/definition/levels/0', message: expect.stringContaining('write "EQF7"') })]);
  });

  it('the stored version still reads back, evaluates requests as it did (LEVEL_MISMATCH), answers eligibility and reproduces identically', async () => {
    const policy = await as(tokens.registrar).get('/policies/mit-scm-recognition').expect(200);
    expect(policy.body.versions[0].definition.levels).toEqual(['7']);
    const submitted = await as(tokens.submitter).post('/transfer-requests').send({ learnerId, receivingInstitution: 'mit', programId: 'mit-scm', evidence: { completionIds } }).expect(201);
    const view = await as(tokens.registrar).get(`/transfer-requests/${submitted.body.id}`).expect(200);
    const proposals = view.body.evaluation.proposals as { decision: string; reasons: string[] }[];
    expect(proposals.every((p) => p.decision === 'denied' && p.reasons.includes('LEVEL_MISMATCH'))).toBe(true);
    await t.app.get(ReadModelProjector).waitFor(await t.store.headPosition());
    const eligibility = await as(tokens.registrar).get(`/eligibility?learnerId=${learnerId}&programId=mit-scm`).expect(200);
    expect(eligibility.body.policy).toEqual({ policyId: 'mit-scm-recognition', version: '2026.1' });
    const reproduction = await as(tokens.registrar).get(`/audit/requests/${submitted.body.id}/reproduction`).expect(200);
    expect(reproduction.body.identical).toBe(true);
  });
});
