import request from 'supertest';
import { courseBody, courseId } from '../libs/transfer/test/scm-pathway.http-fixtures';
import { assertNoInternals } from './support/error-bodies';
import { runScmFlow, ScmFlowResult } from './support/scm-flow';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

/**
 * Refusals of writes in the API's own terms (issue 13, item 7): a command on a resource that does
 * not exist answers the decider's 404 whatever If-Match says; a stale If-Match is a 409 with the
 * stable code `revision-conflict`, the resource as the caller named it, and both revisions as
 * fields; an Idempotency-Key reused elsewhere is a key reuse. No error body names a stream.
 */
describe('write conflicts: 404 before If-Match, revision conflicts in API terms', () => {
  let t: StandaloneUnderTest;
  let flow: ScmFlowResult;
  const as = (token: string) => ({
    post: (path: string) => request(t.server).post(path).auth(token, { type: 'bearer' }),
    get: (path: string) => request(t.server).get(path).auth(token, { type: 'bearer' }),
  });
  const UNKNOWN = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

  beforeAll(async () => {
    t = await startStandalone();
    flow = await runScmFlow(t);
  }, 60000);
  afterAll(() => t?.close());

  it('a decision on an unknown request answers 404 with or without If-Match, and appends nothing', async () => {
    const head = await t.store.headPosition();
    const items = [{ itemId: 'completion:x', outcome: 'granted', reasonCode: 'EQUIVALENT_COURSE' }];
    for (const ifMatch of [undefined, '"0"', '"1"', '"7"']) {
      const req = as(flow.tokens.mit.registrar).post(`/transfer-requests/${UNKNOWN}/decision`);
      if (ifMatch) req.set('If-Match', ifMatch);
      const res = await req.send({ items });
      expect({ ifMatch, status: res.status, code: res.body.code }).toEqual({ ifMatch, status: 404, code: 'request-not-found' });
      assertNoInternals(res.body);
    }
    const appeal = await as(flow.tokens.uni.submitter).post(`/transfer-requests/${UNKNOWN}/appeal`).set('If-Match', '"2"').send({ grounds: 'the grade was misread' });
    expect(appeal.status).toBe(404);
    const completion = await as(flow.tokens.mitx.issuer).post(`/learners/${UNKNOWN}/completions`).set('If-Match', '"3"')
      .send({ courseId: courseId('sc0x'), grade: { scale: 'percent', value: '90' }, identityVerified: true, completedOn: '2025-05-01' });
    expect([completion.status, completion.body.code]).toEqual([404, 'learner-not-found']);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('a stale If-Match on a request: 409 revision-conflict naming the transfer request, with the expected and current revisions', async () => {
    const head = await t.store.headPosition();
    const res = await as(flow.tokens.uni.submitter).post(`/transfer-requests/${flow.requestId}/appeal`).set('If-Match', '"1"').send({ grounds: 'the exam counts' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      statusCode: 409,
      code: 'revision-conflict',
      resource: { type: 'transfer request', id: flow.requestId },
      expectedRevision: 1,
      currentRevision: 2,
    });
    expect(res.body.message).toContain(`transfer request ${flow.requestId}`);
    assertNoInternals(res.body);
    expect(await t.store.headPosition()).toBe(head);
    const current = await as(flow.tokens.uni.submitter).get(`/transfer-requests/${flow.requestId}`).expect(200);
    expect(current.headers.etag).toBe('"2"');
  });

  it('a stale If-Match on a learner record and on a course name the learner and the course', async () => {
    const body = { courseId: courseId('sc0x'), grade: { scale: 'percent', value: '91' }, identityVerified: true, completedOn: '2025-06-01' };
    const learner = await as(flow.tokens.mitx.issuer).post(`/learners/${flow.learnerId}/completions`).set('If-Match', '"0"').send(body).expect(409);
    expect(learner.body).toMatchObject({ code: 'revision-conflict', resource: { type: 'learner', id: flow.learnerId }, expectedRevision: 0 });
    expect(learner.body.currentRevision).toBeGreaterThan(0);
    assertNoInternals(learner.body);
    const course = await request(t.server).put(`/courses/${courseId('sc0x')}`).auth(flow.tokens.mitx.issuer, { type: 'bearer' }).set('If-Match', '"5"')
      .send({ ...courseBody('sc0x'), courseId: undefined, title: 'Renamed' });
    expect(course.body).toMatchObject({ code: 'revision-conflict', resource: { type: 'course', id: courseId('sc0x') }, expectedRevision: 5, currentRevision: 0 });
    assertNoInternals(course.body);
  });

  it('an Idempotency-Key reused on another resource is a key reuse, without the other resource’s stream', async () => {
    const other = (await as(flow.tokens.mitx.issuer).post('/learners').send({}).expect(201)).body.id as string;
    const body = { courseId: courseId('sc1x'), grade: { scale: 'percent', value: '88' }, identityVerified: true, completedOn: '2025-07-01' };
    await as(flow.tokens.mitx.issuer).post(`/learners/${flow.learnerId}/completions`).set('Idempotency-Key', 'same-key').send(body).expect(201);
    const head = await t.store.headPosition();
    const reused = await as(flow.tokens.mitx.issuer).post(`/learners/${other}/completions`).set('Idempotency-Key', 'same-key').send(body);
    expect([reused.status, reused.body.code]).toEqual([409, 'idempotency-key-reused']);
    assertNoInternals(reused.body);
    expect(await t.store.headPosition()).toBe(head);
  });
});
