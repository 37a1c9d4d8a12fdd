import request from 'supertest';
import { SqliteEventStore } from '@app/event-store';
import { courseBody } from '../libs/transfer/test/scm-pathway.http-fixtures';
import { platformAuditor, provision } from './support/provision';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

describe('GET /audit/verify and GET /audit/export (standalone, SQLite)', () => {
  let t: StandaloneUnderTest;
  let auditor: string;
  const get = (path: string, token = auditor) => request(t.server).get(path).auth(token, { type: 'bearer' });
  const ndjson = async (path: string) => {
    const res = await get(path).expect(200).expect('Content-Type', /^application\/x-ndjson/);
    return res.text.trimEnd().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { position: number; stream: string; type: string });
  };

  beforeAll(async () => {
    t = await startStandalone();
    const mitx = await provision(t, { institutionId: 'mitx', name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER' }, ['issuer']);
    for (const code of ['sc0x', 'sc1x']) await request(t.server).post('/courses').auth(mitx.issuer, { type: 'bearer' }).send(courseBody(code)).expect(201);
    await request(t.server).post('/learners').auth(mitx.issuer, { type: 'bearer' }).send({}).expect(201);
    await provision(t, { institutionId: 'mit', name: 'MIT', country: 'US', creditUnit: 'US_SEMESTER' }, ['registrar']);
    auditor = await platformAuditor(t);
  });
  afterAll(() => t?.close());

  it('verify: the report over every stream, with the digest at the head; reading writes nothing', async () => {
    const head = await t.store.headPosition();
    const res = await get('/audit/verify').expect(200);
    expect(res.body).toMatchObject({ ok: true, store: 'sqlite', checked: head, faults: 0, firstFault: null, lastPosition: head, digest: { position: head } });
    const again = await get(`/audit/verify?expectDigest=${res.body.digest.digest}@${head}`).expect(200);
    expect(again.body).toMatchObject({ ok: true, expectedDigest: { matches: true } });
    expect(await t.store.headPosition()).toBe(head);
  });

  it('export: NDJSON of the full envelope, filtered by category, type(s), stream and position range', async () => {
    const all = await ndjson('/audit/export');
    expect(all.map((e) => e.position)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    expect(Object.keys(all[0])).toEqual(['position', 'id', 'stream', 'revision', 'type', 'occurredAt', 'recordedAt', 'schemaVersion', 'data', 'metadata', 'previousHash', 'hash']);
    const courses = await ndjson('/audit/export?category=course&type=CourseDefined');
    expect(courses.map((e) => e.stream)).toEqual(['course-mitx-ctl.sc0x', 'course-mitx-ctl.sc1x']);
    const both = await ndjson('/audit/export?type=InstitutionRegistered&type=LearnerRegistered');
    expect(both).toEqual(all.filter((e) => ['InstitutionRegistered', 'LearnerRegistered'].includes(e.type)));
    expect(both.map((e) => e.type)).toEqual(['InstitutionRegistered', 'LearnerRegistered', 'InstitutionRegistered']);
    expect(await ndjson('/audit/export?stream=access')).toEqual(all.filter((e) => e.stream === 'access'));
    expect((await ndjson('/audit/export?fromPosition=2&toPosition=3')).map((e) => e.position)).toEqual([2, 3]);
    expect(await ndjson('/audit/export?since=2999-01-01T00:00:00Z')).toEqual([]);
  });

  it.each([
    ['/audit/export?fromPosition=-1', '/fromPosition'],
    ['/audit/export?toPosition=abc', '/toPosition'],
    ['/audit/export?since=yesterday', '/since'],
    ['/audit/export?type=not%20a%20type', '/type'],
    ['/audit/export?stream=has%20space', '/stream'],
    ['/audit/export?colour=blue', '/colour'],
    ['/audit/verify?expectDigest=abc', '/expectDigest'],
  ])('400 with a JSON pointer for %s', async (path, pointer) => {
    const res = await get(path).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(pointer);
  });

  it('an auditor scoped to some institutions may verify but not export the raw log (403)', async () => {
    const scoped = (await request(t.server).post('/institutions/platform/credentials').auth(t.adminToken, { type: 'bearer' })
      .send({ role: 'auditor', label: 'mit accreditor', auditScope: ['mit'] }).expect(201)).body.token as string;
    await get('/audit/verify', scoped).expect(200);
    const refused = await get('/audit/export', scoped).expect(403);
    expect(refused.body.message).toMatch(/all-institutions audit scope/);
    await get('/audit/export', t.adminToken).expect(200);
  });

  it('a row edited behind the store: verify names it; the recorded digest (positions and hashes) still matches, so both checks are needed', async () => {
    const before = (await get('/audit/verify').expect(200)).body as { digest: { digest: string; position: number } };
    const [target] = await ndjson('/audit/export?category=course');
    (t.store as SqliteEventStore).connection.prepare("UPDATE events SET data = json_set(data, '$.title', 'Another course') WHERE position = ?").run(target.position);
    const res = await get(`/audit/verify?expectDigest=${before.digest.digest}@${before.digest.position}`).expect(200);
    expect(res.body).toMatchObject({
      ok: false,
      faults: 1,
      firstFault: { kind: 'hash-mismatch', stream: target.stream, revision: 0, position: target.position },
      expectedDigest: { matches: true },
    });
  });
});
