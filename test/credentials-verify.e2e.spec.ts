import request from 'supertest';
import { DCC_ISSUER, DCC_LIST_URL, dccFixture } from '../libs/credentials/test/verification/fakes';
import { TestIssuer, eddsaJwt, es256Issuer, newIssuer, ob3Credential, statusEntry, statusList } from '../libs/credentials/test/verification/issue-fixtures';
import { provision } from './support/provision';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

type Report = { verified: boolean; format: string; status: string; issuer: { id: string; trusted: boolean }; checks: { check: string; outcome: string; message: string }[]; assertions?: Report[] };
const outcomeOf = (report: Report, check: string) => report.checks.find((c) => c.check === check)?.outcome;

/**
 * POST /credentials/verify over HTTP (issue 14): every format and outcome, malformed bodies (400
 * with pointers), unauthenticated (401), nothing appended; POST /status-lists registers a list
 * that later verifications find by the URL the entries name.
 */
describe('credentials: offline verification over HTTP', () => {
  let t: StandaloneUnderTest;
  let tokens: Record<string, string>;
  let issuer: TestIssuer;
  const LIST = 'https://status.example.edu/lists/e2e-revocation';

  beforeAll(async () => {
    t = await startStandalone();
    tokens = await provision(t, { institutionId: 'uni-porto', name: 'Universidade do Porto', country: 'PT', creditUnit: 'ECTS' }, ['registrar', 'submitter', 'issuer']);
    issuer = await newIssuer();
  }, 60000);
  afterAll(() => t?.close());

  const verify = async (body: unknown, token = tokens.submitter): Promise<Report> => (await request(t.server).post('/credentials/verify').auth(token, { type: 'bearer' }).send(body as object).expect(200)).body as Report;

  it('verifies an OB 3.0 credential (eddsa-rdfc-2022) and writes nothing', async () => {
    const head = await t.store.headPosition();
    const report = await verify({ credential: dccFixture('ob3-spec-example.eddsa-rdfc-2022.json') });
    expect(report).toMatchObject({ verified: true, format: 'ob3', status: 'none', issuer: { id: DCC_ISSUER, trusted: false } });
    expect(outcomeOf(report, 'issuer')).toBe('failed');
    expect(await t.store.headPosition()).toBe(head);
  });

  it('reads the revoked bit of a VC 1.1 Open Badge against a list given in the request', async () => {
    const report = await verify({ credential: dccFixture('vc1.ed25519-2020.revoked.json'), statusLists: [{ url: DCC_LIST_URL, credential: dccFixture('status-list.e5WK8CbZ1GjycuPombrj.json') }] });
    expect(report).toMatchObject({ verified: false, format: 'ob3', status: 'revoked' });
    expect(outcomeOf(report, 'proof')).toBe('passed');
  });

  it('verifies a plain VC 1.1 credential', async () => {
    const credential = await issuer.sign({
      '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/security/data-integrity/v2'],
      type: ['VerifiableCredential'],
      issuer: issuer.did,
      issuanceDate: '2025-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:learner-1' },
    });
    expect(await verify({ credential })).toMatchObject({ verified: true, format: 'vc1', status: 'none' });
  });

  it('verifies a plain VC 2.0 (the status list credential) and reports an expired one', async () => {
    expect(await verify({ credential: dccFixture('status-list.e5WK8CbZ1GjycuPombrj.json') })).toMatchObject({ verified: true, format: 'vc2' });
    const expired = await verify({ credential: dccFixture('ed25519-2020.expired.json') });
    expect(expired).toMatchObject({ verified: false });
    expect([outcomeOf(expired, 'proof'), outcomeOf(expired, 'validity')]).toEqual(['passed', 'failed']);
  });

  it('reports unknown status when the list is neither given nor registered', async () => {
    const report = await verify({ credential: dccFixture('ed25519-2020.valid-status.json') });
    expect(report).toMatchObject({ verified: false, status: 'unknown' });
  });

  it('verifies a VC-JWT (EdDSA, did:key) and fails a tampered one', async () => {
    const jwt = await eddsaJwt(issuer, ob3Credential(issuer.did));
    expect(await verify({ credential: jwt })).toMatchObject({ verified: true, format: 'vc-jwt' });
    const [h, , sig] = jwt.split('.');
    const other = (await eddsaJwt(issuer, ob3Credential(issuer.did, { name: 'Other' }))).split('.')[1];
    const tampered = await verify({ credential: `${h}.${other}.${sig}` });
    expect(tampered.verified).toBe(false);
    expect(outcomeOf(tampered, 'proof')).toBe('failed');
  });

  it('fails an ES256 VC-JWT of a did:web issuer the registry does not hold, naming the key', async () => {
    const web = await es256Issuer('did:web:unknown.example.edu');
    const report = await verify({ credential: await web.sign(ob3Credential(web.did)) });
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.check === 'proof')?.message).toContain('did:web:unknown.example.edu#key-1');
  });

  it('unpacks a CLR 2.0 bundle and verifies its assertions', async () => {
    const clr = await eddsaJwt(issuer, {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json'],
      id: 'urn:uuid:7f3a0b8e-0000-4000-8000-0000000000e2',
      type: ['VerifiableCredential', 'ClrCredential'],
      issuer: { id: issuer.did, type: ['Profile'], name: 'Test University' },
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:learner-1', type: ['ClrSubject'], verifiableCredential: [await issuer.sign(ob3Credential(issuer.did)), await issuer.sign(ob3Credential(issuer.did))] },
    });
    const report = await verify({ credential: clr });
    expect(report).toMatchObject({ verified: true, format: 'clr2' });
    expect(report.assertions?.map((a) => a.verified)).toEqual([true, true]);
  });

  it('registers a status list (registrar), finds it by the entry URL, and lists it', async () => {
    const list = await statusList(issuer, LIST, 'revocation', [7]);
    const head = await t.store.headPosition();
    const registered = await request(t.server).post('/status-lists').auth(tokens.registrar, { type: 'bearer' }).send({ credential: list }).expect(201);
    expect(registered.body).toMatchObject({ id: LIST, replayed: false });
    expect(await t.store.headPosition()).toBeGreaterThan(head);
    const revoked = await verify({ credential: await issuer.sign(ob3Credential(issuer.did, { credentialStatus: statusEntry(LIST, 7) })) });
    expect(revoked).toMatchObject({ verified: false, status: 'revoked' });
    const clear = await verify({ credential: await issuer.sign(ob3Credential(issuer.did, { credentialStatus: statusEntry(LIST, 8) })) });
    expect(clear).toMatchObject({ verified: true, status: 'not-revoked' });
    const dcc = await request(t.server).post('/status-lists').auth(t.adminToken, { type: 'bearer' }).send({ credential: dccFixture('status-list.e5WK8CbZ1GjycuPombrj.json'), url: DCC_LIST_URL }).expect(201);
    expect(dcc.body.id).toBe('https://testing.dcconsortium.org/status/e5WK8CbZ1GjycuPombrj');
    expect(await verify({ credential: dccFixture('ed25519-2020.revoked.json') })).toMatchObject({ status: 'revoked' });
    const listed = await request(t.server).get('/status-lists/registered').auth(tokens.submitter, { type: 'bearer' }).expect(200);
    expect(listed.body.map((l: { id: string }) => l.id)).toEqual(['https://status.example.edu/lists/e2e-revocation', 'https://testing.dcconsortium.org/status/e5WK8CbZ1GjycuPombrj']);
    expect(listed.body[1].urls).toEqual(expect.arrayContaining([DCC_LIST_URL]));
    expect(listed.body[0].digest).toMatch(/^[0-9a-f]{64}$/);
    await request(t.server).post('/status-lists').auth(tokens.registrar, { type: 'bearer' }).send({ credential: list }).expect(409);
  });

  it('refuses a status list that does not verify with 422 and its checks, appending nothing', async () => {
    const list = await statusList(issuer, 'https://status.example.edu/lists/forged', 'revocation', []);
    const withBit = (await statusList(issuer, 'https://status.example.edu/lists/forged', 'revocation', [1])).credentialSubject as { encodedList: string };
    const forged = { ...list, credentialSubject: { ...(list.credentialSubject as object), encodedList: withBit.encodedList } };
    const head = await t.store.headPosition();
    const res = await request(t.server).post('/status-lists').auth(tokens.registrar, { type: 'bearer' }).send({ credential: forged }).expect(422);
    expect(res.body).toMatchObject({ code: 'status-list-not-verified', checks: expect.arrayContaining([expect.objectContaining({ check: 'proof', outcome: 'failed' })]) });
    expect(res.body.errors[0]).toMatchObject({ path: '/credential' });
    expect(await t.store.headPosition()).toBe(head);
  });

  it('lets only registrars and the admin register lists', async () => {
    const list = await statusList(issuer, 'https://status.example.edu/lists/by-issuer', 'revocation', []);
    await request(t.server).post('/status-lists').auth(tokens.issuer, { type: 'bearer' }).send({ credential: list }).expect(403);
  });

  it('answers a malformed body 400 with pointers', async () => {
    const bad = async (body: unknown) => (await request(t.server).post('/credentials/verify').auth(tokens.submitter, { type: 'bearer' }).send(body as object).expect(400)).body as { errors: { path: string }[] };
    expect((await bad({})).errors.map((e) => e.path)).toContain('/credential');
    expect((await bad({ credential: 42 })).errors.map((e) => e.path)).toContain('/credential');
    expect((await bad({ credential: { id: 'x' } })).errors.map((e) => e.path)).toContain('/credential');
    expect((await bad({ credential: dccFixture('ed25519-2020.no-status.json'), referenceDate: 'yesterday' })).errors.map((e) => e.path)).toContain('/referenceDate');
    expect((await bad({ credential: dccFixture('ed25519-2020.no-status.json'), statusLists: ['x'] })).errors.map((e) => e.path)).toContain('/statusLists/0');
    expect((await bad({ credential: dccFixture('ed25519-2020.no-status.json'), extra: true })).errors.length).toBeGreaterThan(0);
  });

  it('answers 401 without a credential', async () => {
    await request(t.server).post('/credentials/verify').send({ credential: dccFixture('ed25519-2020.no-status.json') }).expect(401);
  });
});
