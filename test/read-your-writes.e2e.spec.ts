import request from 'supertest';
import type { RecordedEvent } from '@app/event-store';
import { ReadModelProjector } from '@app/projections';
import { courseBody, courseId, scmPolicy } from '../libs/transfer/test/scm-pathway.http-fixtures';
import { MATRIX } from './support/authorization-matrix';
import { platformAuditor } from './support/provision';
import { runScmFlow, ScmFlowResult } from './support/scm-flow';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

/** How long a read with minPosition waits here (READ_MIN_POSITION_WAIT_MS): long enough to restart the projector meanwhile. */
const WAIT_MS = 4000;

/**
 * Read your own writes over HTTP: every write answers the global `position` of its last event;
 * a read of the projections with `minPosition` = that position waits until the read models have
 * reached it. The projector is stopped while the writes are made, so the reads provably wait
 * (the same reads without minPosition show the stale state), then it is started again.
 */
describe('read your own writes: write answers carry `position`, reads accept `minPosition`', () => {
  let t: StandaloneUnderTest;
  let flow: ScmFlowResult;
  let auditor: string;
  const as = (token: string) => ({
    get: (path: string) => request(t.server).get(path).auth(token, { type: 'bearer' }),
    post: (path: string) => request(t.server).post(path).auth(token, { type: 'bearer' }),
    put: (path: string) => request(t.server).put(path).auth(token, { type: 'bearer' }),
  });
  const projector = () => t.app.get(ReadModelProjector);
  const lastEventOf = async (stream: string) => {
    let last: RecordedEvent | undefined;
    for await (const e of t.store.readStream(stream)) last = e;
    return last as RecordedEvent;
  };
  const registrar = () => as(flow.tokens.mit.registrar);
  const submitter = () => as(flow.tokens.uni.submitter);
  const issuer = () => as(flow.tokens.mitx.issuer);

  beforeAll(async () => {
    t = await startStandalone({ READ_MIN_POSITION_WAIT_MS: String(WAIT_MS) });
    flow = await runScmFlow(t);
    auditor = await platformAuditor(t);
    await projector().waitFor(await t.store.headPosition());
  }, 60000);
  afterAll(() => t?.close());

  it('every write answers the global position of its last event: a replay the stored one, a no-op the aggregate head', async () => {
    const admin = as(t.adminToken);
    const institution = await admin.post('/institutions').send({ institutionId: 'epfl', name: 'EPFL', country: 'CH', creditUnit: 'ECTS' }).expect(201);
    expect(institution.body.position).toBe((await lastEventOf('access')).position);
    const credential = await admin.post('/institutions/epfl/credentials').send({ role: 'registrar', label: 'registrar of epfl' }).expect(201);
    expect(credential.body).toMatchObject({ credentialId: expect.any(String), token: expect.any(String), position: (await lastEventOf('access')).position });
    const revoked = await admin.post(`/credentials/${credential.body.credentialId}/revoke`).send({ reason: 'test' }).expect(200);
    expect(revoked.body.position).toBe((await lastEventOf('access')).position);

    const learner = await issuer().post('/learners').set('Idempotency-Key', 'ryw-learner').send({}).expect(201);
    expect(learner.body).toMatchObject({ id: expect.any(String), revision: 0, replayed: false, position: (await lastEventOf(`learner-${learner.body.id}`)).position });
    const again = await issuer().post('/learners').set('Idempotency-Key', 'ryw-learner').send({}).expect(201);
    expect(again.body).toEqual({ ...learner.body, replayed: true });

    // A submission appends two events (submitted, evaluated): the position is the last one's.
    const completion = await issuer().post(`/learners/${learner.body.id}/completions`).send({ courseId: courseId('sc0x'), grade: { scale: 'percent', value: '90' }, identityVerified: true, completedOn: '2026-02-01' }).expect(201);
    const submitted = await submitter().post('/transfer-requests').send({ learnerId: learner.body.id, receivingInstitution: 'mit', programId: 'mit-scm', evidence: { completionIds: [completion.body.id] } }).expect(201);
    expect(submitted.body.eventIds).toHaveLength(2);
    expect(submitted.body.position).toBe((await lastEventOf(`transfer-${submitted.body.id}`)).position);

    // Nothing changes: nothing is stored, and the position is the course's last event's (what the answer was decided on).
    const head = await t.store.headPosition();
    const { courseId: id, ...definition } = courseBody('sc0x');
    const unchanged = await issuer().put(`/courses/${id}`).send(definition).expect(200);
    expect(unchanged.body).toMatchObject({ eventIds: [], position: (await lastEventOf(`course-${courseId('sc0x')}`)).position });
    expect(await t.store.headPosition()).toBe(head);
  });

  it('reads with minPosition = the write\'s position see it (eligibility, queue, submissions, ledger, catalog, what-if, audit history)', async () => {
    await projector().waitFor(await t.store.headPosition());
    const requestId = flow.requestId;
    const credentialItem = `credential:${flow.credentialId}`;
    await projector().stop();
    let restarted = false;
    try {
      // Writes while the read models cannot follow.
      const revocation = await issuer().post(`/learners/${flow.learnerId}/credentials/${flow.credentialId}/revocation`).send({ reason: 'identity verification failed' }).expect(201);
      await submitter().post(`/transfer-requests/${requestId}/appeal`).send({ grounds: 'sc0x was passed with distinction' }).expect(201);
      const items = [
        ...flow.completionIds.map((id, i) => (i === 0
          ? { itemId: `completion:${id}`, outcome: 'denied', reasonCode: 'NO_EQUIVALENCY', overrideReason: 'exam not proctored' }
          : { itemId: `completion:${id}`, outcome: 'granted', reasonCode: 'EQUIVALENT_COURSE', credits: i === 5 ? '5' : '8', overrideReason: 'after appeal: credit stands' })),
        { itemId: credentialItem, outcome: 'recognized', reasonCode: 'PATHWAY_CREDENTIAL', overrideReason: 'after appeal' },
      ];
      const revised = await registrar().post(`/transfer-requests/${requestId}/revision`).send({ items, note: 'after appeal' }).expect(201);
      const policy = { ...scmPolicy(), version: '2026.2', effectiveFrom: '2027-01-01' };
      const published = await registrar().post('/policies/mit-scm-recognition/versions').send({ definition: policy }).expect(201);
      for (const write of [revocation, revised, published]) expect(write.body.position).toEqual(expect.any(Number));

      // Without minPosition the answers are stale: the read models are behind (this is what the test is about).
      const stale = await registrar().get(`/eligibility?learnerId=${flow.learnerId}&programId=mit-scm`).expect(200);
      expect(stale.body.residency.outcome).toBe('reduced');
      expect(stale.body.upToPosition).toBeLessThan(revocation.body.position);
      const whatIf = { learnerId: flow.learnerId, programId: 'mit-scm', policy: { policyId: 'mit-scm-recognition', version: '2026.2' }, on: '2027-02-01' };
      await registrar().post('/eligibility/what-if').send(whatIf).expect(404);
      // The event log is current: an aggregate read answers at once, also with minPosition.
      const view = await registrar().get(`/transfer-requests/${requestId}?minPosition=${revised.body.position}`).expect(200);
      expect(view.body.status).toBe('revised');

      // Reads of the projections with minPosition wait; the projector starts again meanwhile.
      const after = (position: number) => `minPosition=${position}`;
      const reads = Promise.all([
        registrar().get(`/eligibility?learnerId=${flow.learnerId}&programId=mit-scm&${after(revocation.body.position)}`),
        registrar().get(`/queue?${after(revised.body.position)}`),
        submitter().get(`/submissions?${after(revised.body.position)}`),
        registrar().get(`/ledger/${flow.learnerId}?${after(revised.body.position)}`),
        submitter().get(`/catalog/mit?${after(published.body.position)}`),
        registrar().post(`/eligibility/what-if?${after(published.body.position)}`).send(whatIf),
        as(auditor).get(`/audit/history/learner/${flow.learnerId}?types=MicroCredentialRevoked&${after(revocation.body.position)}`),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await projector().start();
      restarted = true;
      const [eligibility, queue, submissions, ledger, catalog, whatIfAnswer, history] = await reads;
      for (const res of [eligibility, queue, submissions, ledger, catalog, whatIfAnswer, history]) expect(res.status).toBe(200);

      expect(eligibility.body.residency.outcome).toBe('standard');
      expect(eligibility.body.upToPosition).toBeGreaterThanOrEqual(revocation.body.position);
      expect(queue.body.items.find((r: { requestId: string }) => r.requestId === requestId)?.status).toBe('revised');
      expect(submissions.body.items.find((r: { requestId: string }) => r.requestId === requestId)?.status).toBe('revised');
      const entry = ledger.body.entries.find((e: { itemId: string }) => e.itemId === `completion:${flow.completionIds[0]}`);
      expect(entry).toMatchObject({ outcome: 'denied', decisionPosition: revised.body.position });
      const versions = catalog.body.policies.find((p: { policyId: string }) => p.policyId === 'mit-scm-recognition')?.versions.map((v: { version: string }) => v.version);
      expect(versions).toEqual(['2026.1', '2026.2']);
      // What-if right after a publish finds the new version.
      expect(whatIfAnswer.body).toMatchObject({ source: 'what-if', policy: { policyId: 'mit-scm-recognition', version: '2026.2' } });
      expect(history.body.entries.map((e: { position: number }) => e.position)).toContain(revocation.body.position);
    } finally {
      if (!restarted) await projector().start();
    }
  }, 30000);

  it('a minPosition beyond the head is refused at once with 409, naming the positions, on every kind of read', async () => {
    const head = await t.store.headPosition();
    const beyond = head + 1000;
    const reads = [
      registrar().get(`/eligibility?learnerId=${flow.learnerId}&programId=mit-scm&minPosition=${beyond}`),
      registrar().get(`/eligibility?learnerId=${flow.learnerId}&programId=mit-scm&asOf=${head}&minPosition=${beyond}`),
      registrar().post(`/eligibility/what-if?minPosition=${beyond}`).send({ learnerId: flow.learnerId, programId: 'mit-scm' }),
      registrar().get(`/transfer-requests/${flow.requestId}?minPosition=${beyond}`),
      registrar().get(`/audit/requests/${flow.requestId}/reproduction?minPosition=${beyond}`),
      as(auditor).get(`/audit/history/request/${flow.requestId}?minPosition=${beyond}`),
      as(auditor).get(`/audit/verify?minPosition=${beyond}`),
    ];
    for (const res of await Promise.all(reads)) {
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'position-beyond-head', minPosition: beyond, headPosition: head });
      expect(res.body.upToPosition).toBeLessThanOrEqual(head);
      expect(res.body.message).toContain(String(beyond));
    }
    // At the head itself: answered.
    await registrar().get(`/audit/requests/${flow.requestId}/reproduction?minPosition=${head}`).expect(200);
    await registrar().get(`/eligibility?learnerId=${flow.learnerId}&programId=mit-scm&minPosition=${head}`).expect(200);
  });

  it.each(['-1', '1.5', 'abc', '', '1e3', '+3', ' 3', '99999999999999999', '0x10'])('a minPosition of %j is a 400 naming /minPosition', async (bad) => {
    const res = await registrar().get(`/queue?minPosition=${encodeURIComponent(bad)}`).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ location: 'query', path: '/minPosition' })]);
    const log = await registrar().get(`/transfer-requests/${flow.requestId}?minPosition=${encodeURIComponent(bad)}`).expect(400);
    expect(log.body.errors[0].path).toBe('/minPosition');
  });

  it('a repeated minPosition is a 400 too; it is not taken for one of the route\'s own parameters', async () => {
    const res = await registrar().get('/queue?minPosition=1&minPosition=2').expect(400);
    expect(res.body.errors[0].path).toBe('/minPosition');
    await registrar().get('/queue?minPosition=0&status=decided').expect(200);
  });

  it('read models that do not reach the position in time: 503 with Retry-After, the requested and the current position', async () => {
    await projector().waitFor(await t.store.headPosition());
    await projector().stop();
    try {
      const written = await issuer().post('/learners').send({}).expect(201);
      const started = Date.now();
      const res = await registrar().get(`/queue?minPosition=${written.body.position}`).expect(503);
      expect(Date.now() - started).toBeGreaterThanOrEqual(WAIT_MS - 50);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.body).toMatchObject({ statusCode: 503, code: 'read-models-behind', minPosition: written.body.position, headPosition: written.body.position });
      expect(res.body.upToPosition).toBeLessThan(written.body.position);
      // The event log does not wait.
      await issuer().get(`/learners/${written.body.id}/record?minPosition=${written.body.position}`).expect(200);
    } finally {
      await projector().start();
    }
  }, 20000);

  it('the OpenAPI document lists minPosition on every read and nowhere else', async () => {
    const doc = await request(t.server).get('/docs-json').expect(200);
    const paths = doc.body.paths as Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    const reads = new Set([...Object.keys(MATRIX).filter((op) => op.startsWith('GET ')), 'POST /eligibility/what-if', 'POST /audit/policy-impact']);
    for (const operation of Object.keys(MATRIX)) {
      const [method, path] = operation.split(' ');
      const parameters = paths[path]?.[method.toLowerCase()]?.parameters ?? [];
      const has = parameters.some((p) => p.name === 'minPosition' && p.in === 'query');
      expect({ operation, has }).toEqual({ operation, has: reads.has(operation) });
    }
  });
});
