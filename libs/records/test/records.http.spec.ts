import { randomUUID } from 'node:crypto';
import { learnerStream } from '../src';
import { provision, RecordsTestApp, recordsTestApp } from './records-test-app';

const COURSES = ['sc0x', 'sc1x', 'sc2x', 'sc3x', 'sc4x'].map((code) => `mitx-ctl.${code}`);
const EXAM = 'mitx-ctl.cfx';
const course = (courseId: string, overrides: Record<string, unknown> = {}) => ({
  courseId,
  title: `Supply chain ${courseId}`,
  credits: '4',
  unit: 'US_SEMESTER',
  eqfLevel: 7,
  field: 'supply-chain',
  tags: ['core'],
  assessmentType: 'proctored-exam',
  ...overrides,
});
const credential = (completionIds: string[], overrides: Record<string, unknown> = {}) => ({
  type: 'MicroMasters',
  code: 'MITx-SCM-MM',
  title: 'MicroMasters Program in Supply Chain Management',
  issuedOn: '2025-12-15',
  learningOutcomes: ['Design and optimize supply chain networks', 'Apply probability and statistics to logistics'],
  workload: { credits: '20', unit: 'US_SEMESTER' },
  eqfLevel: 7,
  assessmentType: 'proctored-exam',
  participation: 'online',
  qualityAssurance: 'MIT internal review; NECHE accreditation',
  stackability: 'stackable',
  completionIds,
  complete: true,
  ...overrides,
});

describe('records over HTTP', () => {
  let t: RecordsTestApp;
  let mitx: Record<string, string>;
  let gtx: Record<string, string>;
  let hes: Record<string, string>;
  let learnerId: string;
  const completionIds: string[] = [];

  const as = (token: string) => ({
    post: (path: string) => t.http().post(path).auth(token, { type: 'bearer' }),
    put: (path: string) => t.http().put(path).auth(token, { type: 'bearer' }),
    get: (path: string) => t.http().get(path).auth(token, { type: 'bearer' }),
  });
  /** Runs a refused request and checks that the store did not move. */
  const refused = async (send: () => Promise<{ status: number; body: { code?: string } }>, status: number, code?: string) => {
    const before = await t.store.headPosition();
    const response = await send();
    expect(response.status).toBe(status);
    if (code) expect(response.body.code).toBe(code);
    expect(await t.store.headPosition()).toBe(before);
    return response;
  };

  beforeAll(async () => {
    t = await recordsTestApp();
    mitx = await provision(t, { institutionId: 'mitx', name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER' }, ['issuer', 'registrar']);
    gtx = await provision(t, { institutionId: 'gtx', name: 'Georgia Tech', country: 'US', creditUnit: 'US_SEMESTER' }, ['issuer']);
    hes = await provision(t, { institutionId: 'hes', name: 'Harvard Extension School', country: 'US', creditUnit: 'US_SEMESTER' }, ['submitter', 'registrar', 'auditor']);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('an issuer defines 5 courses and a proctored exam; another issuer defines its own', async () => {
    for (const id of COURSES) {
      const res = await as(mitx.issuer).post('/courses').send(course(id)).expect(201);
      expect(res.body).toMatchObject({ id, revision: 0, replayed: false });
      expect(res.headers.etag).toBe('"0"');
    }
    await as(mitx.issuer).post('/courses').send(course(EXAM, { title: 'Comprehensive final exam', credits: '1' })).expect(201);
    await as(gtx.issuer).post('/courses').send(course('gtx-isye6501x', { unit: 'US_QUARTER', credits: '4.5', field: 'analytics' })).expect(201);
    const got = await as(hes.registrar).get(`/courses/${EXAM}`).expect(200);
    expect(got.body).toMatchObject({ courseId: EXAM, issuerId: 'mitx', credits: '1', revision: 0 });
    expect(got.headers.etag).toBe('"0"');
  });

  it('only the owning issuer updates a course (403 otherwise, nothing appended); unknown course 404', async () => {
    await refused(() => as(gtx.issuer).put(`/courses/${COURSES[0]}`).send({ ...course(COURSES[0]), courseId: undefined, credits: '5' }), 403, 'not-course-issuer');
    await refused(() => as(mitx.issuer).put('/courses/mitx-ctl.none').send({ ...course('x'), courseId: undefined }), 404, 'course-not-found');
    await refused(() => as(mitx.issuer).post('/courses').send(course(COURSES[0])), 409, 'course-already-defined');
    const { courseId: _id, ...definition } = course(COURSES[4]);
    const updated = await as(mitx.issuer).put(`/courses/${COURSES[4]}`).send({ ...definition, tags: ['core', 'capstone'] }).expect(200);
    expect(updated.body).toMatchObject({ id: COURSES[4], revision: 1 });
    await t.http().get(`/courses/${COURSES[4]}`).expect(401);
  });

  it('registers a pseudonymous learner; the external reference is stored only as a hash', async () => {
    const res = await as(mitx.issuer).post('/learners').send({ externalRef: 'S-2025-0042' }).expect(201);
    learnerId = res.body.id;
    expect(learnerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.revision).toBe(0);
    const stored = [];
    for await (const e of t.store.readStream(learnerStream(learnerId))) stored.push(e);
    expect(stored[0]).toMatchObject({ type: 'LearnerRegistered', data: { learnerId, registeredBy: 'mitx', externalRefHash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(JSON.stringify(stored)).not.toContain('S-2025-0042');
    await as(hes.submitter).post('/learners').send({}).expect(201);
    await refused(() => as(hes.registrar).post('/learners').send({}), 403);
  });

  it('records an enrollment and 6 completions (5 courses and the exam), with course defaults', async () => {
    const enrollment = await as(mitx.issuer).post(`/learners/${learnerId}/enrollments`).send({ courseId: COURSES[0], term: '2025T1', enrolledOn: '2025-01-10' }).expect(201);
    for (const [i, courseId] of [...COURSES, EXAM].entries()) {
      const body = { courseId, grade: { scale: 'percent', value: String(80 + i) }, identityVerified: true, completedOn: `2025-0${i + 2}-15`, ...(i === 0 ? { enrollmentId: enrollment.body.id } : {}) };
      const res = await as(mitx.issuer).post(`/learners/${learnerId}/completions`).send(body).expect(201);
      expect(res.body.revision).toBe(i + 2);
      completionIds.push(res.body.id);
    }
    const record = await as(hes.registrar).get(`/learners/${learnerId}/record`).expect(200);
    expect(record.headers.etag).toBe('"7"');
    expect(record.body.completions).toHaveLength(6);
    expect(record.body.completions[0]).toMatchObject({ courseId: COURSES[0], credits: '4', unit: 'US_SEMESTER', eqfLevel: 7, field: 'supply-chain', assessmentType: 'proctored-exam', inResidence: false, enrollmentId: enrollment.body.id, issuerId: 'mitx' });
    expect(record.body.completions[5]).toMatchObject({ courseId: EXAM, credits: '1' });
  });

  it('awards a complete MicroMasters with the EU elements (awarding body and country from the registry, ECTS workload)', async () => {
    const res = await as(mitx.issuer).post(`/learners/${learnerId}/credentials`).send(credential(completionIds)).expect(201);
    const record = await as(hes.auditor).get(`/learners/${learnerId}/record`).expect(200);
    expect(record.body.credentials).toEqual([
      expect.objectContaining({
        credentialId: res.body.id,
        learnerId,
        type: 'MicroMasters',
        complete: true,
        revoked: false,
        awardingBody: 'MITx',
        country: 'US',
        workload: { credits: '20', unit: 'US_SEMESTER', ects: '40' },
        identityVerified: true,
        completionIds,
      }),
    ]);
    expect(record.body.completions.every((c: { credentials: { credentialId: string }[] }) => c.credentials[0]?.credentialId === res.body.id)).toBe(true);
  });

  it('regrades a completion (only its issuer; unknown completion 404)', async () => {
    await as(mitx.issuer).post(`/learners/${learnerId}/completions/${completionIds[1]}/corrections`).send({ grade: { scale: 'percent', value: '95' }, reason: 'exam re-marked' }).expect(201);
    await refused(() => as(gtx.issuer).post(`/learners/${learnerId}/completions/${completionIds[1]}/corrections`).send({ grade: { scale: 'percent', value: '99' }, reason: 'x' }), 403, 'not-completion-issuer');
    await refused(() => as(mitx.issuer).post(`/learners/${learnerId}/completions/nope/corrections`).send({ grade: { scale: 'percent', value: '99' }, reason: 'x' }), 404, 'completion-not-found');
    const record = await as(mitx.issuer).get(`/learners/${learnerId}/record`).expect(200);
    expect(record.body.completions[1]).toMatchObject({ grade: { scale: 'percent', value: '95' }, originalGrade: { scale: 'percent', value: '81' } });
  });

  it('revokes a credential once, only by its awarding issuer', async () => {
    const badge = await as(mitx.issuer).post(`/learners/${learnerId}/credentials`).send(credential([completionIds[0]], { type: 'digital-badge', code: undefined, complete: false })).expect(201);
    const path = `/learners/${learnerId}/credentials/${badge.body.id}/revocation`;
    await refused(() => as(gtx.issuer).post(path).send({ reason: 'not ours' }), 403, 'not-credential-issuer');
    await as(mitx.issuer).post(path).send({ reason: 'issued in error' }).expect(201);
    await refused(() => as(mitx.issuer).post(path).send({ reason: 'again' }), 409, 'credential-already-revoked');
    await refused(() => as(mitx.issuer).post(`/learners/${learnerId}/credentials/nope/revocation`).send({ reason: 'x' }), 404, 'credential-not-found');
    const record = await as(mitx.issuer).get(`/learners/${learnerId}/record`).expect(200);
    expect(record.body.credentials[1]).toMatchObject({ credentialId: badge.body.id, revoked: true, revocation: { reason: 'issued in error' } });
    expect(record.body.credentials[0]).toMatchObject({ revoked: false });
  });

  it('withdraws a completion recorded in error (only its issuer, once, with a reason; not while a complete credential vouches for it)', async () => {
    const extra = await as(mitx.issuer).post(`/learners/${learnerId}/completions`).send({ courseId: EXAM, grade: { scale: 'percent', value: '70' }, identityVerified: true, completedOn: '2025-08-01' }).expect(201);
    const path = `/learners/${learnerId}/completions/${extra.body.id}/withdrawal`;
    await refused(() => as(mitx.issuer).post(path).send({}), 400);
    await refused(() => as(gtx.issuer).post(path).send({ reason: 'not ours' }), 403, 'not-completion-issuer');
    await refused(() => as(hes.submitter).post(path).send({ reason: 'x' }), 403);
    const res = await as(mitx.issuer).post(path).send({ reason: 'recorded twice' }).expect(201);
    expect(res.body).toMatchObject({ id: extra.body.id, replayed: false });
    await refused(() => as(mitx.issuer).post(path).send({ reason: 'again' }), 409, 'completion-already-withdrawn');
    await refused(() => as(mitx.issuer).post(`/learners/${learnerId}/completions/nope/withdrawal`).send({ reason: 'x' }), 404, 'completion-not-found');
    // completionIds[2] is in the complete MicroMasters: the issuer must revoke the credential first.
    await refused(() => as(mitx.issuer).post(`/learners/${learnerId}/completions/${completionIds[2]}/withdrawal`).send({ reason: 'x' }), 409, 'completion-in-complete-credential');
    await refused(() => as(mitx.issuer).post(`/learners/${learnerId}/completions/${extra.body.id}/corrections`).send({ grade: { scale: 'percent', value: '99' }, reason: 'x' }), 409, 'completion-withdrawn');
    const record = await as(hes.registrar).get(`/learners/${learnerId}/record`).expect(200);
    const withdrawn = record.body.completions.find((c: { completionId: string }) => c.completionId === extra.body.id);
    expect(withdrawn.withdrawal).toMatchObject({ reason: 'recorded twice', withdrawnOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), evidence: { eventId: res.body.eventIds[0] } });
  });

  it("refuses a completion of another issuer's course (403) and an unknown course (404); nothing appended", async () => {
    const body = { courseId: 'gtx-isye6501x', grade: { scale: 'letter', value: 'A' }, identityVerified: true, completedOn: '2025-03-01' };
    await refused(() => as(mitx.issuer).post(`/learners/${learnerId}/completions`).send(body), 403, 'not-course-issuer');
    await refused(() => as(mitx.issuer).post(`/learners/${learnerId}/completions`).send({ ...body, courseId: 'mitx-ctl.unknown' }), 404, 'course-not-found');
    await refused(() => as(mitx.issuer).post(`/learners/${learnerId}/enrollments`).send({ courseId: 'gtx-isye6501x', enrolledOn: '2025-01-01' }), 403, 'not-course-issuer');
  });

  it('refuses an unknown learner (404)', async () => {
    const unknown = randomUUID();
    await refused(() => as(mitx.issuer).post(`/learners/${unknown}/completions`).send({ courseId: COURSES[0], grade: { scale: 'percent', value: '90' }, identityVerified: true, completedOn: '2025-03-01' }), 404, 'learner-not-found');
    await refused(() => as(mitx.issuer).post(`/learners/${unknown}/credentials`).send(credential(completionIds)), 404, 'learner-not-found');
    await as(hes.registrar).get(`/learners/${unknown}/record`).expect(404);
  });

  it('refuses credentials over completions that are not on the record (409) or by another issuer (403)', async () => {
    await refused(() => as(mitx.issuer).post(`/learners/${learnerId}/credentials`).send(credential([completionIds[0], 'not-recorded'])), 409, 'completion-not-in-record');
    await refused(() => as(gtx.issuer).post(`/learners/${learnerId}/credentials`).send(credential(completionIds)), 403, 'completion-of-another-issuer');
  });

  it('answers a bad body with 400 and the path of each invalid field; nothing appended', async () => {
    const response = await refused(
      () =>
        as(mitx.issuer)
          .post(`/learners/${learnerId}/completions`)
          .send({ courseId: COURSES[0], credits: '4,5', grade: { scale: 'stars', value: '5' }, identityVerified: 'yes', completedOn: '15/03/2025', name: 'Ada Lovelace' }),
      400,
    );
    const paths = (response.body as unknown as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
    expect(paths).toEqual(['/completedOn', '/credits', '/grade/scale', '/identityVerified', '/name']);
    const graded = await refused(() => as(mitx.issuer).post(`/learners/${learnerId}/completions`).send({ courseId: COURSES[0], grade: { scale: 'percent', value: '120' }, identityVerified: true, completedOn: '2025-03-15' }), 400, 'invalid-grade');
    expect((graded.body as unknown as { errors: { path: string }[] }).errors[0].path).toBe('/grade/value');
  });

  it('honours If-Match: a stale ETag is a 409 and appends nothing; the current one succeeds', async () => {
    const current = await as(mitx.issuer).get(`/learners/${learnerId}/record`).expect(200);
    const body = { courseId: COURSES[2], grade: { scale: 'pass-fail', value: 'P' }, identityVerified: false, completedOn: '2025-09-01' };
    await refused(() => as(mitx.issuer).post(`/learners/${learnerId}/completions`).set('If-Match', '"3"').send(body), 409);
    const ok = await as(mitx.issuer).post(`/learners/${learnerId}/completions`).set('If-Match', current.headers.etag).send(body).expect(201);
    expect(ok.body.revision).toBe(current.body.revision + 1);
  });

  it('replays a request retried with the same Idempotency-Key: same response, nothing appended', async () => {
    const body = { courseId: COURSES[3], grade: { scale: 'numeric-4', value: '3.7' }, identityVerified: true, completedOn: '2025-10-01' };
    const first = await as(mitx.issuer).post(`/learners/${learnerId}/completions`).set('Idempotency-Key', 'retry-1').send(body).expect(201);
    const head = await t.store.headPosition();
    const again = await as(mitx.issuer).post(`/learners/${learnerId}/completions`).set('Idempotency-Key', 'retry-1').send(body).expect(201);
    expect(await t.store.headPosition()).toBe(head);
    expect({ ...again.body, replayed: false }).toEqual(first.body);
    expect(again.body.replayed).toBe(true);
    expect(again.headers.etag).toBe(first.headers.etag);
    await refused(() => as(mitx.issuer).post(`/learners/${learnerId}/completions`).set('Idempotency-Key', 'retry-1').send({ ...body, completedOn: '2025-10-02' }), 409, 'idempotency-key-reused');

    const registered = await as(mitx.issuer).post('/learners').set('Idempotency-Key', 'new-learner-7').send({}).expect(201);
    const before = await t.store.headPosition();
    const replayed = await as(mitx.issuer).post('/learners').set('Idempotency-Key', 'new-learner-7').send({}).expect(201);
    expect(replayed.body.id).toBe(registered.body.id);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('needs a credential (401) and the issuer role for writes (403)', async () => {
    await t.http().post(`/learners/${learnerId}/completions`).send({}).expect(401);
    await refused(() => as(mitx.registrar).post(`/learners/${learnerId}/completions`).send({ courseId: COURSES[0], grade: { scale: 'percent', value: '90' }, identityVerified: true, completedOn: '2025-03-01' }), 403);
    await refused(() => as(hes.submitter).post('/courses').send(course('hes-x')), 403);
  });

  it('documents the endpoints in OpenAPI', async () => {
    const doc = await t.http().get('/docs-json').expect(200);
    for (const path of ['/courses', '/courses/{courseId}', '/learners', '/learners/{learnerId}/record', '/learners/{learnerId}/enrollments', '/learners/{learnerId}/completions', '/learners/{learnerId}/completions/{completionId}/corrections', '/learners/{learnerId}/credentials', '/learners/{learnerId}/credentials/{credentialId}/revocation']) {
      expect(doc.body.paths[path]).toBeDefined();
    }
  });
});
