import request from 'supertest';
import type { RecordedEvent } from '@app/event-store';
import { courseBody, courseId, microMastersBody, ONLINE, scmPolicy, scmProgram } from '../libs/transfer/test/scm-pathway.http-fixtures';
import { platformAuditor, provision } from './support/provision';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

/**
 * The occurred axis over HTTP: every write with a source date stores it as the events'
 * occurred-at, so `axis=occurred` answers what was true then, counting a fact recorded later,
 * while `axis=recorded` answers what the system knew then.
 */
describe('source dates drive the occurred axis (standalone, over HTTP)', () => {
  let t: StandaloneUnderTest;
  let tokens: { mit: Record<string, string>; mitx: Record<string, string>; uni: Record<string, string>; auditor: string };
  let learnerId: string;
  let lateCompletionId: string;
  let lastBeforeLate: RecordedEvent;
  const as = (token: string) => ({
    post: (path: string) => request(t.server).post(path).auth(token, { type: 'bearer' }),
    get: (path: string) => request(t.server).get(path).auth(token, { type: 'bearer' }),
  });
  const events = async (stream: string) => {
    const out: RecordedEvent[] = [];
    for await (const e of t.store.readStream(stream)) out.push(e);
    return out;
  };
  const eligibility = (asOf: string, axis: 'recorded' | 'occurred') =>
    as(tokens.mit.registrar).get(`/eligibility?learnerId=${learnerId}&programId=mit-scm&asOf=${encodeURIComponent(asOf)}&axis=${axis}`);
  const counts = (body: { recognized: { itemId: string }[] }, completionId: string) => body.recognized.some((r) => r.itemId.includes(completionId));
  /** A refused write: 400 naming `pointer`, and nothing appended. */
  const refused = async (token: string, path: string, body: object, pointer: string, code?: string) => {
    const head = await t.store.headPosition();
    const res = await as(token).post(path).send(body).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(pointer);
    if (code) expect(res.body.code).toBe(code);
    expect(await t.store.headPosition()).toBe(head);
  };

  beforeAll(async () => {
    t = await startStandalone();
    tokens = {
      mit: await provision(t, { institutionId: 'mit', name: 'MIT', country: 'US', creditUnit: 'US_SEMESTER' }, ['registrar']),
      mitx: await provision(t, { institutionId: 'mitx', name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER' }, ['issuer']),
      uni: await provision(t, { institutionId: 'uni-porto', name: 'Universidade do Porto', country: 'PT', creditUnit: 'ECTS' }, ['submitter']),
      auditor: await platformAuditor(t),
    };
    const issuer = as(tokens.mitx.issuer);
    const registrar = as(tokens.mit.registrar);
    for (const code of ONLINE) await issuer.post('/courses').send(courseBody(code)).expect(201);
    // A history imported into the system today: every fact carries the date it happened.
    await registrar.post('/programs/mit-scm/versions').send({ definition: scmProgram(), occurredAt: '2026-01-02' }).expect(201);
    await registrar.post('/policies/mit-scm-recognition/versions').send({ definition: scmPolicy(), occurredAt: '2026-01-02T09:00:00Z' }).expect(201);
    learnerId = (await issuer.post('/learners').send({ occurredAt: '2026-01-05' }).expect(201)).body.id;
    await registrar.post('/admissions').send({ learnerId, programId: 'mit-scm', decidedOn: '2026-01-15' }).expect(201);
    for (const code of ['sc0x', 'sc1x']) {
      await issuer.post(`/learners/${learnerId}/completions`).send({ courseId: courseId(code), grade: { scale: 'percent', value: '88' }, identityVerified: true, completedOn: '2026-02-10' }).expect(201);
    }
    lastBeforeLate = (await events(`learner-${learnerId}`)).at(-1) as RecordedEvent;
    // Reported late: completed on 2026-03-01, recorded today.
    const late = await issuer.post(`/learners/${learnerId}/completions`).send({ courseId: courseId('sc2x'), grade: { scale: 'percent', value: '91' }, identityVerified: true, completedOn: '2026-03-01' }).expect(201);
    lateCompletionId = late.body.id;
  }, 60000);
  afterAll(() => t?.close());

  it('stores the source dates as occurred-at (start of the day, UTC), the recording time as recorded-at', async () => {
    const learner = await events(`learner-${learnerId}`);
    expect(learner.map((e) => [e.type, e.occurredAt])).toEqual([
      ['LearnerRegistered', '2026-01-05T00:00:00.000Z'],
      ['CompletionRecorded', '2026-02-10T00:00:00.000Z'],
      ['CompletionRecorded', '2026-02-10T00:00:00.000Z'],
      ['CompletionRecorded', '2026-03-01T00:00:00.000Z'],
    ]);
    for (const e of learner) expect(Date.now() - Date.parse(e.recordedAt)).toBeLessThan(600_000);
    expect((await events('program-mit-scm'))[0]).toMatchObject({ occurredAt: '2026-01-02T00:00:00.000Z', data: { publishedOn: '2026-01-02' } });
    expect((await events('policy-mit-scm-recognition'))[0]).toMatchObject({ occurredAt: '2026-01-02T09:00:00.000Z', data: { publishedOn: '2026-01-02' } });
    expect((await events(`admission-mit-${learnerId}`))[0]).toMatchObject({ occurredAt: '2026-01-15T00:00:00.000Z', data: { decidedOn: '2026-01-15' } });
  });

  it('axis=occurred as of 2026-06-01 counts the completion recorded today; axis=recorded at the same time knew nothing yet', async () => {
    const occurred = await eligibility('2026-06-01', 'occurred').expect(200);
    expect(occurred.body).toMatchObject({ source: 'as-of', referenceDate: '2026-06-01', admission: { admitted: true } });
    expect(counts(occurred.body, lateCompletionId)).toBe(true);
    expect(occurred.body.recognized).toHaveLength(3);
    // On the recorded axis nothing had been recorded by 2026-06-01 (the import happened today).
    await eligibility('2026-06-01', 'recorded').expect(404);
    // Recorded axis, just before the late completion was recorded: the system did not know it.
    const knew = await eligibility(String(lastBeforeLate.position), 'recorded').expect(200);
    expect(counts(knew.body, lateCompletionId)).toBe(false);
    expect(knew.body.recognized).toHaveLength(2);
    // Occurred axis before 2026-03-01: it had not happened yet; the two earlier ones had.
    const before = await eligibility('2026-02-20', 'occurred').expect(200);
    expect(counts(before.body, lateCompletionId)).toBe(false);
    expect(before.body.recognized).toHaveLength(2);
  });

  it('the audit history shows occurredAt from the source date next to when the system learned it', async () => {
    const res = await as(tokens.auditor).get(`/audit/history/learner/${learnerId}?types=CompletionRecorded`).expect(200);
    const late = res.body.entries.find((e: { data: { completionId: string } }) => e.data.completionId === lateCompletionId);
    expect(late).toMatchObject({ occurredAt: '2026-03-01T00:00:00.000Z', data: { completedOn: '2026-03-01' } });
    expect(Date.now() - Date.parse(late.recordedAt)).toBeLessThan(600_000);
  });

  it('occurredAt next to the date field: the same day adds the time of day; another day is a 400 naming /occurredAt', async () => {
    const issuer = as(tokens.mitx.issuer);
    const body = { courseId: courseId('sc3x'), grade: { scale: 'percent', value: '80' }, identityVerified: true, completedOn: '2026-04-02' };
    await refused(tokens.mitx.issuer, `/learners/${learnerId}/completions`, { ...body, occurredAt: '2026-04-03T10:00:00Z' }, '/occurredAt', 'occurred-at-disagrees');
    // 23:30 in New York on April 2 is April 3 in UTC: the dates of this API are UTC dates.
    await refused(tokens.mitx.issuer, `/learners/${learnerId}/completions`, { ...body, occurredAt: '2026-04-02T23:30:00-05:00' }, '/occurredAt', 'occurred-at-disagrees');
    const ok = await issuer.post(`/learners/${learnerId}/completions`).send({ ...body, occurredAt: '2026-04-02T16:45:00+02:00' }).expect(201);
    expect((await events(`learner-${learnerId}`)).find((e) => e.id === ok.body.eventIds[0])?.occurredAt).toBe('2026-04-02T14:45:00.000Z');
    const enrolled = await issuer.post(`/learners/${learnerId}/enrollments`).send({ courseId: courseId('sc4x'), enrolledOn: '2026-01-20' }).expect(201);
    expect((await events(`learner-${learnerId}`)).find((e) => e.id === enrolled.body.eventIds[0])).toMatchObject({ occurredAt: '2026-01-20T00:00:00.000Z', data: { enrolledOn: '2026-01-20' } });
  });

  it('refuses a source time in the future, before 1900, or malformed (400 with the pointer), appending nothing', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const completion = { courseId: courseId('sc4x'), grade: { scale: 'percent', value: '80' }, identityVerified: true };
    await refused(tokens.mitx.issuer, `/learners/${learnerId}/completions`, { ...completion, completedOn: tomorrow }, '/completedOn', 'occurred-in-future');
    await refused(tokens.mitx.issuer, `/learners/${learnerId}/completions`, { ...completion, completedOn: '1899-06-30' }, '/completedOn', 'occurred-too-early');
    await refused(tokens.mitx.issuer, '/learners', { occurredAt: new Date(Date.now() + 3_600_000).toISOString() }, '/occurredAt', 'occurred-in-future');
    await refused(tokens.mitx.issuer, '/learners', { occurredAt: '2026-02-30' }, '/occurredAt', 'occurred-at-invalid');
    for (const bad of ['2026-03-01T10:00', '2026-03-01 10:00:00Z', '1741003200', 'yesterday']) await refused(tokens.mitx.issuer, '/learners', { occurredAt: bad }, '/occurredAt');
    await refused(tokens.mit.registrar, '/admissions', { learnerId, programId: 'mit-scm', decidedOn: tomorrow }, '/decidedOn', 'occurred-in-future');
  });

  it('a correction or a revocation takes its date from occurredAt, never before the fact it changes; an award occurs on its date of issue', async () => {
    const issuer = as(tokens.mitx.issuer);
    const path = `/learners/${learnerId}/completions/${lateCompletionId}/corrections`;
    await refused(tokens.mitx.issuer, path, { grade: { scale: 'percent', value: '70' }, reason: 're-marked', occurredAt: '2026-02-28' }, '/occurredAt', 'corrected-before-completion');
    const corrected = await issuer.post(path).send({ grade: { scale: 'percent', value: '70' }, reason: 're-marked', occurredAt: '2026-05-04T08:00:00Z' }).expect(201);
    const event = (await events(`learner-${learnerId}`)).find((e) => e.id === corrected.body.eventIds[0]);
    expect(event).toMatchObject({ type: 'CompletionCorrected', occurredAt: '2026-05-04T08:00:00.000Z', data: { correctedOn: '2026-05-04' } });

    const stack = (await events(`learner-${learnerId}`)).filter((e) => e.type === 'CompletionRecorded').slice(0, 2).map((e) => String(e.data.completionId));
    const award = await issuer.post(`/learners/${learnerId}/credentials`).send({ ...microMastersBody(stack), complete: false, issuedOn: '2026-03-10' }).expect(201);
    const revocation = `/learners/${learnerId}/credentials/${award.body.id}/revocation`;
    await refused(tokens.mitx.issuer, revocation, { reason: 'identity not verified', occurredAt: '2026-03-09T23:59:59Z' }, '/occurredAt', 'revoked-before-issue');
    const revoked = await issuer.post(revocation).send({ reason: 'identity not verified', occurredAt: '2026-04-01' }).expect(201);
    const learner = await events(`learner-${learnerId}`);
    expect(learner.find((e) => e.id === award.body.eventIds[0])).toMatchObject({ occurredAt: '2026-03-10T00:00:00.000Z', data: { issuedOn: '2026-03-10' } });
    expect(learner.find((e) => e.id === revoked.body.eventIds[0])).toMatchObject({ occurredAt: '2026-04-01T00:00:00.000Z', data: { revokedOn: '2026-04-01' } });
  });

  it('a decision may be dated when it was taken, not before the request it decides; its date follows', async () => {
    const submitted = await as(tokens.uni.submitter).post('/transfer-requests').send({ learnerId, receivingInstitution: 'mit', programId: 'mit-scm', evidence: { completionIds: [lateCompletionId] } }).expect(201);
    const requestId: string = submitted.body.id;
    const [, evaluated] = await events(`transfer-${requestId}`);
    // Decided with explicit credits and a reason, whatever the proposal (the decision's content is not under test here).
    const items = [{ itemId: `completion:${lateCompletionId}`, outcome: 'granted', credits: '4', reasonCode: 'EQUIVALENT_COURSE', overrideReason: 'committee decision of that day' }];
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await refused(tokens.mit.registrar, `/transfer-requests/${requestId}/decision`, { items, occurredAt: yesterday }, '/occurredAt', 'occurred-before-previous-step');
    const decidedAt = new Date(Math.max(Date.parse(evaluated.occurredAt) + 1, Date.now() - 1000)).toISOString();
    const decided = await as(tokens.mit.registrar).post(`/transfer-requests/${requestId}/decision`).send({ items, occurredAt: decidedAt }).expect(201);
    const event = (await events(`transfer-${requestId}`)).at(-1) as RecordedEvent;
    expect(event).toMatchObject({ id: decided.body.eventIds[0], type: 'ItemsDecided', occurredAt: decidedAt, data: { decidedOn: decidedAt.slice(0, 10) } });
  });

  it('an idempotent retry of a back-dated write answers the same and stores nothing; the same key with another date is a conflict', async () => {
    const issuer = as(tokens.mitx.issuer);
    const body = { courseId: courseId('sc4x'), grade: { scale: 'percent', value: '83' }, identityVerified: true, completedOn: '2026-05-20' };
    const first = await issuer.post(`/learners/${learnerId}/completions`).set('Idempotency-Key', 'late-sc4x').send(body).expect(201);
    const head = await t.store.headPosition();
    const retry = await issuer.post(`/learners/${learnerId}/completions`).set('Idempotency-Key', 'late-sc4x').send(body).expect(201);
    expect(retry.body).toEqual({ ...first.body, replayed: true });
    expect(await t.store.headPosition()).toBe(head);
    await issuer.post(`/learners/${learnerId}/completions`).set('Idempotency-Key', 'late-sc4x').send({ ...body, completedOn: '2026-05-21' }).expect(409);
    expect(await t.store.headPosition()).toBe(head);
  });
});
