import request from 'supertest';
import type { RecordedEvent } from '@app/event-store';
import { courseBody, courseId, microMastersBody, ONLINE, scmPolicy, scmProgram } from '../libs/transfer/test/scm-pathway.http-fixtures';
import { assertNoInternals } from './support/error-bodies';
import { provision } from './support/provision';
import { settled } from './support/settled';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

type Exceptions = { applied: { id: string; kind: string; path: string; source?: string }[]; ignored: { id: string; path: string; reason: string; source?: string }[] };

/**
 * Exceptions for a learner, not on a request, over the MIT SCM blended master's (MIT Center for
 * Transportation & Logistics: the MITx SCM MicroMasters credential halves the on-campus residency;
 * the capstone project is taken on campus, fixtures in libs/requirements/fixtures/mit-scm-blended.*).
 * The learner holds the MicroMasters and is admitted, with no transfer request; MIT waives the
 * capstone for the 2026-2027 catalog (an industry project done at the sponsor). Eligibility shows it
 * applied; once MIT publishes the 2027-2028 catalog the answer evaluates that version and reports the
 * waiver not applied, with why, until the registrar carries it forward; a revocation removes it.
 */
describe('learner exceptions over HTTP (MIT SCM blended, no transfer request)', () => {
  let t: StandaloneUnderTest;
  let mit: Record<string, string>;
  let mitx: Record<string, string>;
  let uni: Record<string, string>;
  let learnerId: string;
  let exceptionId: string;
  const as = (token: string) => ({
    post: (path: string) => request(t.server).post(path).auth(token, { type: 'bearer' }),
    get: (path: string) => request(t.server).get(path).auth(token, { type: 'bearer' }),
  });
  const exceptionsPath = () => `/learners/${learnerId}/exceptions`;
  const eligibility = async (extra = ''): Promise<{ programVersion: string; exceptions: Exceptions; missing: { rulePath: string }[] }> => {
    await settled(t);
    return (await as(mit.registrar).get(`/eligibility?learnerId=${learnerId}&programId=mit-scm${extra}`).expect(200)).body;
  };
  const streamEvents = async (): Promise<RecordedEvent[]> => {
    const out: RecordedEvent[] = [];
    for await (const e of t.store.readStream(`exceptions-mit-${learnerId}`)) out.push(e);
    return out;
  };
  /** A refusal: the status, the domain code, the pointer when given, no internals, and nothing appended anywhere. */
  const refused = async (token: string, path: string, body: object, status: number, code: string | null, pointer?: string) => {
    const head = await t.store.headPosition();
    const res = await as(token).post(path).send(body).expect(status);
    // null: refused by the role guard or the body's schema, before any domain rule
    if (code !== null) expect(res.body.code).toBe(code);
    if (pointer) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(pointer);
    assertNoInternals(res.body);
    expect(await t.store.headPosition()).toBe(head);
    return res;
  };
  const waiver = { programId: 'mit-scm', programVersion: '2026-2027', kind: 'waive', rulePath: 'mit-scm/capstone', reason: 'industry capstone completed at the sponsoring company, supervised by CTL faculty' };

  beforeAll(async () => {
    t = await startStandalone();
    mit = await provision(t, { institutionId: 'mit', name: 'MIT', country: 'US', creditUnit: 'US_SEMESTER' }, ['registrar', 'auditor']);
    mitx = await provision(t, { institutionId: 'mitx', name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER' }, ['issuer']);
    uni = await provision(t, { institutionId: 'uni-porto', name: 'Universidade do Porto', country: 'PT', creditUnit: 'ECTS' }, ['submitter', 'registrar']);
    for (const code of ONLINE) await as(mitx.issuer).post('/courses').send(courseBody(code)).expect(201);
    learnerId = (await as(mitx.issuer).post('/learners').send({}).expect(201)).body.id;
    const completionIds: string[] = [];
    for (const [i, code] of ONLINE.entries()) {
      const body = { courseId: courseId(code), grade: { scale: 'percent', value: String(80 + i) }, identityVerified: true, completedOn: `2025-0${i + 2}-15` };
      completionIds.push((await as(mitx.issuer).post(`/learners/${learnerId}/completions`).send(body).expect(201)).body.id);
    }
    await as(mitx.issuer).post(`/learners/${learnerId}/credentials`).send(microMastersBody(completionIds)).expect(201);
    await as(mit.registrar).post('/programs/mit-scm/versions').send({ definition: scmProgram() }).expect(201);
    await as(mit.registrar).post('/policies/mit-scm-recognition/versions').send({ definition: scmPolicy() }).expect(201);
    await as(mit.registrar).post('/admissions').send({ learnerId, programId: 'mit-scm', decidedOn: '2026-01-15' }).expect(201);
  }, 60000);
  afterAll(() => t?.close());

  it('refuses a grant from anyone but a registrar (403), and a registrar of another institution finds no program of its own (404); nothing appended', async () => {
    const guard = await refused(uni.submitter, exceptionsPath(), waiver, 403, null);
    expect(guard.body.message).toContain('role submitter may not call this endpoint');
    await refused(mitx.issuer, exceptionsPath(), waiver, 403, null);
    await refused(uni.registrar, exceptionsPath(), waiver, 404, 'program-not-found');
    expect(await streamEvents()).toEqual([]);
  });

  it('refuses an unknown program version (/programVersion), a rule path not in it (/rulePath), an item the learner does not hold (/itemId), an unknown learner', async () => {
    await refused(mit.registrar, exceptionsPath(), { ...waiver, programVersion: '2019-2020' }, 400, 'unknown-program-version', '/programVersion');
    await refused(mit.registrar, exceptionsPath(), { ...waiver, rulePath: 'mit-scm/thesis' }, 400, 'unknown-rule-path', '/rulePath');
    await refused(mit.registrar, exceptionsPath(), { ...waiver, kind: 'substitute', itemId: 'completion:no-such-completion' }, 400, 'substitute-item-not-held', '/itemId');
    await refused(mit.registrar, exceptionsPath(), { ...waiver, kind: 'bend' }, 400, null, '/kind');
    await refused(mit.registrar, '/learners/no-such-learner/exceptions', waiver, 404, 'learner-not-found');
    expect(await streamEvents()).toEqual([]);
  });

  it('before the grant the capstone is missing and no exception is reported', async () => {
    const before = await eligibility();
    expect(before.programVersion).toBe('2026-2027');
    expect(before.missing.map((m) => m.rulePath)).toContain('mit-scm/capstone');
    expect(before.exceptions).toEqual({ applied: [], ignored: [] });
  });

  it('grants the waiver for 2026-2027 (idempotent under a key); eligibility applies it, source learner', async () => {
    const first = await as(mit.registrar).post(exceptionsPath()).set('Idempotency-Key', 'capstone-waiver-1').send(waiver).expect(201);
    exceptionId = first.body.id;
    const again = await as(mit.registrar).post(exceptionsPath()).set('Idempotency-Key', 'capstone-waiver-1').send(waiver).expect(201);
    expect(again.body).toMatchObject({ id: exceptionId, replayed: true });
    const events = await streamEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'LearnerExceptionGranted',
      data: { institutionId: 'mit', learnerId, exceptionId, kind: 'waive', rulePath: 'mit-scm/capstone', programId: 'mit-scm', programVersion: '2026-2027', itemId: null },
      metadata: { actor: { institutionId: 'mit', role: 'registrar' } },
    });
    // the same waiver twice is a conflict
    await refused(mit.registrar, exceptionsPath(), waiver, 409, 'exception-exists');

    const after = await eligibility();
    expect(after.exceptions).toEqual({ applied: [{ id: exceptionId, kind: 'waive', path: 'mit-scm/capstone', source: 'learner' }], ignored: [] });
    expect(after.missing.map((m) => m.rulePath)).not.toContain('mit-scm/capstone');
    // the live answer and the progress row agree
    const today = new Date().toISOString().slice(0, 10);
    expect((await eligibility(`&on=${today}`)).exceptions).toEqual(after.exceptions);

    const list = await as(mit.registrar).get(exceptionsPath()).expect(200);
    expect(list.headers.etag).toBe('"0"');
    expect(list.body).toEqual({
      institutionId: 'mit',
      learnerId,
      revision: 0,
      exceptions: [{ exceptionId, programId: 'mit-scm', kind: 'waive', rulePath: 'mit-scm/capstone', itemId: null, reason: waiver.reason, grantedOn: events[0].occurredAt.slice(0, 10), versions: ['2026-2027'], revoked: null }],
    });
    // another institution's registrar sees none of MIT's exceptions
    expect((await as(uni.registrar).get(exceptionsPath()).expect(200)).body.exceptions).toEqual([]);
  });

  it('as of a position before the grant there was no exception; as of the grant it applies', async () => {
    const [granted] = await streamEvents();
    const before = await eligibility(`&asOf=${granted.position - 1}`);
    expect(before.exceptions).toEqual({ applied: [], ignored: [] });
    const at = await eligibility(`&asOf=${granted.position}`);
    expect(at.exceptions).toEqual({ applied: [{ id: exceptionId, kind: 'waive', path: 'mit-scm/capstone', source: 'learner' }], ignored: [] });
  });

  it('under the 2027-2028 catalog the waiver is reported not applied with why; what-if under 2026-2027 still applies it', async () => {
    await as(mit.registrar).post('/programs/mit-scm/versions').send({ definition: { ...scmProgram(), version: '2027-2028' } }).expect(201);
    const answer = await eligibility();
    expect(answer.programVersion).toBe('2027-2028');
    expect(answer.exceptions).toEqual({
      applied: [],
      ignored: [{ id: exceptionId, path: 'mit-scm/capstone', source: 'learner', reason: 'granted for version 2026-2027; this answer evaluates version 2027-2028; carry it forward to apply it' }],
    });
    expect(answer.missing.map((m) => m.rulePath)).toContain('mit-scm/capstone');

    const whatIf = await as(mit.registrar).post('/eligibility/what-if').send({ learnerId, programId: 'mit-scm', programVersion: '2026-2027' }).expect(200);
    expect(whatIf.body).toMatchObject({ source: 'what-if', programVersion: '2026-2027' });
    expect(whatIf.body.exceptions).toEqual({ applied: [{ id: exceptionId, kind: 'waive', path: 'mit-scm/capstone', source: 'learner' }], ignored: [] });
    // as if nothing were decided: no exception at all
    const ignoring = await as(mit.registrar).post('/eligibility/what-if').send({ learnerId, programId: 'mit-scm', programVersion: '2026-2027', decisions: 'ignore' }).expect(200);
    expect(ignoring.body.exceptions).toEqual({ applied: [], ignored: [] });
  });

  it('carry-forward refuses an unknown version (/toVersion), one already bound (409), an unknown exception (404), a submitter (403); nothing appended', async () => {
    const carry = (id: string) => `${exceptionsPath()}/${id}/carry-forward`;
    await refused(mit.registrar, carry(exceptionId), { toVersion: '2030-2031' }, 400, 'unknown-program-version', '/toVersion');
    await refused(mit.registrar, carry(exceptionId), { toVersion: '2026-2027' }, 409, 'already-bound-to-version');
    await refused(mit.registrar, carry('no-such-exception'), { toVersion: '2027-2028' }, 404, 'exception-not-found');
    await refused(uni.submitter, carry(exceptionId), { toVersion: '2027-2028' }, 403, null);
    expect(await streamEvents()).toHaveLength(1);
  });

  it('carried forward to 2027-2028 (If-Match on the stream revision), the waiver applies again', async () => {
    const list = await as(mit.registrar).get(exceptionsPath()).expect(200);
    await as(mit.registrar).post(`${exceptionsPath()}/${exceptionId}/carry-forward`).set('If-Match', '"7"').send({ toVersion: '2027-2028' }).expect(409);
    const res = await as(mit.registrar).post(`${exceptionsPath()}/${exceptionId}/carry-forward`).set('If-Match', list.headers.etag).send({ toVersion: '2027-2028' }).expect(201);
    expect(res.body).toMatchObject({ id: exceptionId, revision: 1 });
    const events = await streamEvents();
    expect(events[1]).toMatchObject({ type: 'LearnerExceptionCarriedForward', data: { exceptionId, programId: 'mit-scm', fromVersion: '2026-2027', toVersion: '2027-2028' } });
    const answer = await eligibility();
    expect(answer.exceptions).toEqual({ applied: [{ id: exceptionId, kind: 'waive', path: 'mit-scm/capstone', source: 'learner' }], ignored: [] });
    expect((await as(mit.registrar).get(exceptionsPath()).expect(200)).body.exceptions[0].versions).toEqual(['2026-2027', '2027-2028']);
    // as of the position before the carry-forward, the answer (then 2027-2028) reported it not applied
    const asOf = await eligibility(`&asOf=${events[1].position - 1}`);
    expect(asOf.exceptions.ignored.map((i) => i.source)).toEqual(['learner']);
  });

  it('revoked, the waiver is gone from every answer; revoking again is a conflict, an unknown exception 404', async () => {
    await as(mit.registrar).post(`${exceptionsPath()}/${exceptionId}/revocation`).send({ reason: 'the sponsor project was not completed' }).expect(201);
    const answer = await eligibility();
    expect(answer.exceptions).toEqual({ applied: [], ignored: [] });
    expect(answer.missing.map((m) => m.rulePath)).toContain('mit-scm/capstone');
    const whatIf = await as(mit.registrar).post('/eligibility/what-if').send({ learnerId, programId: 'mit-scm', programVersion: '2026-2027' }).expect(200);
    expect(whatIf.body.exceptions).toEqual({ applied: [], ignored: [] });
    await refused(mit.registrar, `${exceptionsPath()}/${exceptionId}/revocation`, { reason: 'again' }, 409, 'exception-revoked');
    await refused(mit.registrar, `${exceptionsPath()}/${exceptionId}/carry-forward`, { toVersion: '2027-2028' }, 409, 'exception-revoked');
    await refused(mit.registrar, `${exceptionsPath()}/no-such-exception/revocation`, { reason: 'x' }, 404, 'exception-not-found');
    const list = (await as(mit.registrar).get(exceptionsPath()).expect(200)).body;
    expect(list.exceptions[0].revoked).toMatchObject({ reason: 'the sponsor project was not completed' });
  });

  it('the audit history lists the exception events; an exception alone relates a learner to MIT for its auditor', async () => {
    const mitAuditor = (await as(t.adminToken).post('/institutions/platform/credentials').send({ role: 'auditor', label: 'MIT QA', auditScope: ['mit'] }).expect(201)).body.token as string;
    const typesOf = async (id: string) => {
      await settled(t);
      const page = await as(mitAuditor).get(`/audit/history/learner/${id}?limit=500`).expect(200);
      return (page.body.entries as { type: string }[]).map((e) => e.type);
    };
    expect(await typesOf(learnerId)).toEqual(expect.arrayContaining(['LearnerExceptionGranted', 'LearnerExceptionCarriedForward', 'LearnerExceptionRevoked']));
    // a learner with neither request nor admission at MIT: MIT's auditor sees nothing of the record ...
    const other: string = (await as(mitx.issuer).post('/learners').send({}).expect(201)).body.id;
    expect(await typesOf(other)).toEqual([]);
    // ... until MIT grants an exception: then the record's events concern MIT too
    await as(mit.registrar).post(`/learners/${other}/exceptions`).send(waiver).expect(201);
    expect(await typesOf(other)).toEqual(['LearnerRegistered', 'LearnerExceptionGranted']);
  });
});
