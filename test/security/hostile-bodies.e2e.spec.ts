import request from 'supertest';
import { provision } from '../support/provision';
import { startStandalone, StandaloneUnderTest } from '../support/standalone-app';

/**
 * Tracker issue 18, defect 8: deep nesting, impossible dates and unsafe text are refused with
 * 400 and a JSON pointer on every write endpoint, before anything is stored.
 */
const nested = (depth: number): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

describe('hostile request bodies (security)', () => {
  let t: StandaloneUnderTest;
  let registrar: string;
  let issuer: string;
  let learnerId: string;

  beforeAll(async () => {
    t = await startStandalone({ HTTP_BODY_LIMIT_BYTES: '65536' });
    registrar = (await provision(t, { institutionId: 'mit', name: 'MIT', country: 'US', creditUnit: 'US_SEMESTER' }, ['registrar'])).registrar;
    issuer = (await provision(t, { institutionId: 'mitx', name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER' }, ['issuer'])).issuer;
    learnerId = (await request(t.server).post('/learners').auth(issuer, { type: 'bearer' }).send({}).expect(201)).body.id as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  const WRITES: [string, () => string][] = [
    ['/institutions', () => t.adminToken],
    ['/courses', () => issuer],
    ['/learners', () => issuer],
    ['/admissions', () => registrar],
    ['/transfer-requests', () => registrar],
    ['/eligibility/what-if', () => registrar],
    ['/programs/p1/versions', () => registrar],
  ];

  it.each(WRITES)('POST %s with nesting depth 2,000 answers 400 body-too-deep, storing nothing', async (path, token) => {
    const before = await t.store.headPosition();
    const res = await request(t.server).post(path).auth(token(), { type: 'bearer' }).send({ deep: nested(2000) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'body-too-deep', errors: [{ location: 'body', path: '/' }] });
    expect(await t.store.headPosition()).toBe(before);
  });

  it('a body over HTTP_BODY_LIMIT_BYTES answers 413', async () => {
    const res = await request(t.server).post('/institutions').auth(t.adminToken, { type: 'bearer' })
      .send({ institutionId: 'big', name: 'x'.repeat(70_000), country: 'DE', creditUnit: 'ECTS' });
    expect(res.status).toBe(413);
  });

  it.each([
    ['on', '2025-02-29'],
    ['on', '2026-02-30'],
    ['on', '0000-01-01'],
  ])('POST /eligibility/what-if {"%s": "%s"} answers 400 at /on', async (field, value) => {
    const res = await request(t.server).post('/eligibility/what-if').auth(registrar, { type: 'bearer' }).send({ learnerId, programId: 'p1', [field]: value });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/on', message: expect.stringMatching(/calendar date/) })]));
    expect(JSON.stringify(res.body)).not.toContain('/referenceDate');
  });

  it.each(['2026-02-30', '0000-01-01', '2025-02-29', '2026-04-31'])('POST /admissions with decidedOn %s answers 400 at /decidedOn, storing nothing', async (decidedOn) => {
    const before = await t.store.headPosition();
    const res = await request(t.server).post('/admissions').auth(registrar, { type: 'bearer' }).send({ learnerId, programId: 'p1', decidedOn });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/decidedOn' })]));
    expect(await t.store.headPosition()).toBe(before);
  });

  it('accepts 2024-02-29, a leap day', async () => {
    const res = await request(t.server).post('/eligibility/what-if').auth(registrar, { type: 'bearer' }).send({ learnerId, programId: 'p1', on: '2024-02-29' });
    expect(JSON.stringify(res.body.errors ?? [])).not.toContain('/on');
  });

  it.each([
    ['NUL', 'Bad\u0000Name'],
    ['a lone high surrogate', 'Bad\uD800Name'],
    ['a lone low surrogate', 'Bad\uDC00Name'],
  ])('refuses %s in a free-text field with 400 naming it, storing nothing', async (_what, name) => {
    const before = await t.store.headPosition();
    const res = await request(t.server).post('/institutions').auth(t.adminToken, { type: 'bearer' })
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ institutionId: 'uni-text', name, country: 'DE', creditUnit: 'ECTS' }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'unsafe-text', errors: [{ location: 'body', path: '/name' }] });
    expect(await t.store.headPosition()).toBe(before);
  });

  it('keeps a paired surrogate (an emoji) in free text', async () => {
    await request(t.server).post('/institutions').auth(t.adminToken, { type: 'bearer' })
      .send({ institutionId: 'uni-emoji', name: 'Uni \u{1F393}', country: 'DE', creditUnit: 'ECTS' }).expect(201);
    const read = await request(t.server).get('/institutions/uni-emoji').auth(t.adminToken, { type: 'bearer' }).expect(200);
    expect(read.body.name).toBe('Uni \u{1F393}');
  });
});
