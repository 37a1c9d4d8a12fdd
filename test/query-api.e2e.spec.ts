import request from 'supertest';
import { ReadModelProjector, WorkerThreadProjector } from '@app/projections';
import { courseId, ONLINE, scmPolicy } from '../libs/transfer/test/scm-pathway.http-fixtures';
import { platformAuditor, provision } from './support/provision';
import { runScmFlow, ScmFlowResult } from './support/scm-flow';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

describe('query API over HTTP: eligibility, what-if, queue, ledger (standalone, embedded projector)', () => {
  let t: StandaloneUnderTest;
  let flow: ScmFlowResult;
  let shortLearner: string;
  const get = (token: string, path: string) => request(t.server).get(path).auth(token, { type: 'bearer' });
  const post = (token: string, path: string) => request(t.server).post(path).auth(token, { type: 'bearer' });
  const caughtUp = async () => t.app.get(ReadModelProjector).waitFor(await t.store.headPosition());
  const eligibility = (learnerId: string, token = flow.tokens.mit.registrar) => get(token, `/eligibility?learnerId=${learnerId}&programId=mit-scm`);

  beforeAll(async () => {
    t = await startStandalone();
    flow = await runScmFlow(t);
    // A second learner, one online course short of the MicroMasters (no credential).
    const issuer = flow.tokens.mitx.issuer;
    shortLearner = (await post(issuer, '/learners').send({}).expect(201)).body.id;
    for (const code of ONLINE.filter((c) => c !== 'sc4x')) {
      const body = { courseId: courseId(code), grade: { scale: 'percent', value: '85' }, identityVerified: true, completedOn: '2025-05-15' };
      await post(issuer, `/learners/${shortLearner}/completions`).send(body).expect(201);
    }
    await caughtUp();
  }, 60000);
  afterAll(() => t?.close());

  it('feeds the read models from a worker thread (the default), whose committed checkpoint is the head once caught up', async () => {
    const projector = t.app.get(ReadModelProjector);
    expect(projector).toBeInstanceOf(WorkerThreadProjector);
    expect(projector.status).toEqual({ running: true, checkpoint: await t.store.headPosition(), failures: 0 });
  });

  it('answers reduced residency (5 months instead of 10) for the complete MicroMasters, from the progress row, with its reasons', async () => {
    const res = await eligibility(flow.learnerId).expect(200);
    expect(res.body).toMatchObject({
      learnerId: flow.learnerId,
      programId: 'mit-scm',
      programVersion: '2026-2027',
      institutionId: 'mit',
      source: 'projection',
      upToPosition: await t.store.headPosition(),
      policy: { policyId: 'mit-scm-recognition', version: '2026.1' },
      admission: { required: true, admitted: true, satisfied: true },
      residency: { outcome: 'reduced', pathway: { id: 'blended' }, months: 5, standard: { months: 10 } },
    });
    expect(res.body.residency.reasons.join(' ')).toContain('MITx-SCM-MM');
    expect(res.body.residency.reasons.join(' ')).not.toContain(flow.credentialId);
    expect(res.body.recognized.filter((r: { decision: string }) => r.decision === 'granted')).toHaveLength(6);
    expect(res.body.explanation.join(' ')).toMatch(/5 months on campus instead of 10 months/);
  });

  it('a learner one course short: standard residency, and the answer says what is missing (evaluated live: no progress row)', async () => {
    const res = await eligibility(shortLearner).expect(200);
    expect(res.body).toMatchObject({ source: 'live', residency: { outcome: 'standard', months: 10, pathway: null }, admission: { admitted: false } });
    expect(res.body.missing.length).toBeGreaterThan(0);
    expect(res.body.residency.reasons.join(' ')).toMatch(/blended/);
    expect(res.body.explanation.join(' ')).toMatch(/Standard residency: 10 months/);
  });

  it('what-if with a hypothetical complete MicroMasters unlocks the reduced pathway and writes nothing', async () => {
    const head = await t.store.headPosition();
    const hypothetical = {
      type: 'MicroMasters', code: 'MITx-SCM-MM', title: 'MicroMasters in SCM', issuerId: 'mitx', credits: '20', unit: 'US_SEMESTER', eqfLevel: 7, issuedOn: '2025-09-01', complete: true,
    };
    const res = await post(flow.tokens.mit.registrar, '/eligibility/what-if').send({ learnerId: shortLearner, programId: 'mit-scm', extraCredentials: [hypothetical] }).expect(200);
    expect(res.body).toMatchObject({ source: 'what-if', residency: { outcome: 'reduced', months: 5 } });
    expect(await t.store.headPosition()).toBe(head);
    const bad = await post(flow.tokens.mit.registrar, '/eligibility/what-if').send({ learnerId: shortLearner, programId: 'mit-scm', extraCredentials: [{ ...hypothetical, credits: 'lots' }] }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('/extraCredentials/0/credits');
    await post(flow.tokens.mit.registrar, '/eligibility/what-if').send({ learnerId: shortLearner, programId: 'mit-scm', policy: { policyId: 'mit-scm-recognition', version: '9.9' } }).expect(404);
    // Course ids in the API's one grammar (an edX course key, as records accepts it) are taken here too.
    const edxCourse = {
      courseId: 'course-v1:MITx.SC9x', issuerId: 'mitx', title: 'Elective', credits: '1', unit: 'US_SEMESTER', eqfLevel: 7, field: 'supply-chain', grade: { scale: 'percent', value: '90' }, completedOn: '2025-06-01',
    };
    await post(flow.tokens.mit.registrar, '/eligibility/what-if').send({ learnerId: shortLearner, programId: 'mit-scm', extraCompletions: [edxCourse] }).expect(200);
  });

  it('the queue lists the institution’s requests by status and age; the ledger holds each decided item with its provenance', async () => {
    const queue = await get(flow.tokens.mit.registrar, '/queue').expect(200);
    expect(queue.body).toMatchObject({ institutionId: 'mit', total: 1, counts: { decided: 1 } });
    expect(queue.body.items[0]).toMatchObject({ requestId: flow.requestId, learnerId: flow.learnerId, status: 'decided', submitterInstitution: 'uni-porto', itemCount: 7, ageDays: 0 });
    expect((await get(flow.tokens.mit.registrar, '/queue?status=submitted').expect(200)).body.items).toEqual([]);

    const ledger = await get(flow.tokens.mit.registrar, `/ledger/${flow.learnerId}`).expect(200);
    expect(ledger.body.entries).toHaveLength(7);
    const granted = ledger.body.entries.filter((e: { outcome: string }) => e.outcome === 'granted');
    expect(granted).toHaveLength(6);
    expect(granted[0].provenance).toMatchObject({ policy: { policyId: 'mit-scm-recognition', version: '2026.1' }, program: { version: '2026-2027' }, conversionTable: { id: 'mit-units-2026' } });
    const evidence = granted[0].provenance.evidence as { eventId: string; position: number; eventType: string }[];
    expect(evidence[0].eventType).toBe('CompletionRecorded');
    const stored = [];
    for await (const e of t.store.readStream(`learner-${flow.learnerId}`)) stored.push(e);
    expect(stored.find((e) => e.id === evidence[0].eventId)?.position).toBe(evidence[0].position);
    expect(Object.keys(ledger.body.totals)).toEqual([granted[0].unit]);
  });

  it('a submitting university lists the requests it sent, each with where it went; registrars and other institutions are refused', async () => {
    const mine = await get(flow.tokens.uni.submitter, '/submissions').expect(200);
    expect(mine.body).toMatchObject({ institutionId: 'uni-porto', total: 1, counts: { decided: 1 } });
    expect(mine.body.items[0]).toMatchObject({ requestId: flow.requestId, learnerId: flow.learnerId, receivingInstitution: 'mit', submitterInstitution: 'uni-porto', status: 'decided', ageDays: 0 });
    expect((await get(flow.tokens.uni.submitter, '/submissions?status=submitted').expect(200)).body.items).toEqual([]);
    await get(flow.tokens.uni.submitter, '/submissions?institutionId=mit').expect(404); // another institution's list: not found, to it
    await get(flow.tokens.mit.registrar, '/submissions').expect(403);
    const auditor = await platformAuditor(t);
    await get(auditor, '/submissions').expect(400);
    expect((await get(auditor, '/submissions?institutionId=uni-porto').expect(200)).body.total).toBe(1);
    await get(flow.tokens.uni.submitter, '/submissions?limit=0').expect(400);
  });

  it('the catalog lists the institution’s programs and policies with every version, for any authenticated caller (a submitting university finds what it can submit toward)', async () => {
    const res = await get(flow.tokens.uni.submitter, '/catalog/mit?on=2026-06-01').expect(200);
    expect(res.body).toMatchObject({ institutionId: 'mit', on: '2026-06-01', upToPosition: await t.store.headPosition() });
    expect(res.body.programs).toEqual([
      {
        programId: 'mit-scm',
        latestVersion: '2026-2027',
        policyInEffect: { policyId: 'mit-scm-recognition', version: '2026.1' },
        versions: [expect.objectContaining({ version: '2026-2027', creditUnit: 'MIT_UNIT', totalCredits: '90' })],
      },
    ]);
    expect(res.body.policies).toEqual([
      { policyId: 'mit-scm-recognition', versions: [expect.objectContaining({ version: '2026.1', programId: 'mit-scm', effectiveFrom: '2026-01-01', effectiveTo: null, inEffect: true })] },
    ]);
    const before = await get(flow.tokens.mit.registrar, '/catalog/mit?on=2025-12-31').expect(200);
    expect(before.body.policies[0].versions[0].inEffect).toBe(false);
    expect(before.body.programs[0].policyInEffect).toBeNull();
    expect((await get(flow.tokens.uni.submitter, '/catalog/uni-porto').expect(200)).body).toMatchObject({ programs: [], policies: [] });
    await get(flow.tokens.uni.submitter, '/catalog/no-such-institution').expect(404);
    const bad = await get(flow.tokens.uni.submitter, '/catalog/mit?on=2026-02-30').expect(400);
    expect(JSON.stringify(bad.body)).toContain('on');
  });

  it('scope: to other institutions’ registrars another institution’s answers are not found (404), auditors must name an institution in scope, other roles are refused (403)', async () => {
    const other = await provision(t, { institutionId: 'harvard', name: 'Harvard', country: 'US', creditUnit: 'US_SEMESTER' }, ['registrar']);
    await eligibility(flow.learnerId, other.registrar).expect(404);
    await get(other.registrar, '/queue?institutionId=mit').expect(404);
    expect((await get(other.registrar, '/queue').expect(200)).body.total).toBe(0);
    await eligibility(flow.learnerId, flow.tokens.uni.submitter).expect(403);
    const auditor = await platformAuditor(t);
    await eligibility(flow.learnerId, auditor).expect(200);
    await get(auditor, '/queue').expect(400);
    expect((await get(auditor, '/queue?institutionId=mit').expect(200)).body.total).toBe(1);
  });

  it('refuses bad input with 4xx and a path: unknown learner or program 404, malformed date 400', async () => {
    await get(flow.tokens.mit.registrar, '/eligibility?learnerId=nobody&programId=mit-scm').expect(404);
    await get(flow.tokens.mit.registrar, `/eligibility?learnerId=${flow.learnerId}&programId=no-such-program`).expect(404);
    const bad = await get(flow.tokens.mit.registrar, `/eligibility?learnerId=${flow.learnerId}&programId=mit-scm&on=2026-13-01`).expect(400);
    expect(JSON.stringify(bad.body)).toContain('/on');
    await get(flow.tokens.mit.registrar, '/queue?limit=0').expect(400);
  });

  it('an answer for another date is evaluated live from the same read models', async () => {
    const res = await get(flow.tokens.mit.registrar, `/eligibility?learnerId=${flow.learnerId}&programId=mit-scm&on=2026-12-15`).expect(200);
    expect(res.body).toMatchObject({ source: 'live', referenceDate: '2026-12-15', residency: { outcome: 'reduced', months: 5 } });
  });

  it('cascades: revoking the credential re-evaluates the progress row (standard residency); a new policy version re-evaluates it under that version', async () => {
    await post(flow.tokens.mitx.issuer, `/learners/${flow.learnerId}/credentials/${flow.credentialId}/revocation`).send({ reason: 'identity verification failed' }).expect(201);
    await caughtUp();
    const revoked = await eligibility(flow.learnerId).expect(200);
    expect(revoked.body).toMatchObject({ source: 'projection', residency: { outcome: 'standard', months: 10 } });

    const policy = scmPolicy();
    const today = new Date().toISOString().slice(0, 10);
    await post(flow.tokens.mit.registrar, '/policies/mit-scm-recognition/versions').send({ definition: { ...policy, version: '2026.2', effectiveFrom: today } }).expect(201);
    await caughtUp();
    const repoliced = await eligibility(flow.learnerId).expect(200);
    expect(repoliced.body).toMatchObject({ source: 'projection', policy: { policyId: 'mit-scm-recognition', version: '2026.2' } });
  });
});
