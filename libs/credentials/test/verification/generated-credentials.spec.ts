import { CredentialVerifier } from '../../src/verification/credential-verifier';
import { achievementsOf } from '../../src/verification/achievements';
import { VerificationReport } from '../../src/verification/verification.report';
import { FakeStatusLists, FakeTrustedIssuers, Json } from './fakes';
import { TestIssuer, eddsaJwt, es256Issuer, newIssuer, ob3Credential, statusEntry, statusList } from './issue-fixtures';

const check = (report: VerificationReport, name: string) => report.checks.find((c) => c.check === name);
const LIST = 'https://status.example.edu/lists/revocation-1';
const SUSPENSIONS = 'https://status.example.edu/lists/suspension-1';

describe('the verifier on credentials signed here with generated keys', () => {
  let issuer: TestIssuer;
  let other: TestIssuer;
  let issuers: FakeTrustedIssuers;
  let verifier: CredentialVerifier;
  let revocations: Json;
  let suspensions: Json;

  beforeAll(async () => {
    issuer = await newIssuer();
    other = await newIssuer();
    issuers = new FakeTrustedIssuers().add({ did: issuer.did, name: 'Test University', institutionId: 'inst-test', creditUnit: 'ECTS' });
    verifier = new CredentialVerifier(issuers, new FakeStatusLists());
    revocations = await statusList(issuer, LIST, 'revocation', [3]);
    suspensions = await statusList(issuer, SUSPENSIONS, 'suspension', [5]);
  });

  it('verifies a trusted OB3 credential and reports its achievement with the registry’s credit unit', async () => {
    const report = await verifier.verify({ credential: await issuer.sign(ob3Credential(issuer.did)) });
    expect(report).toMatchObject({ verified: true, format: 'ob3', status: 'none', issuer: { id: issuer.did, trusted: true, institutionId: 'inst-test' }, subject: { id: 'did:example:learner-1' } });
    expect(report.checks.map((c) => [c.check, c.outcome])).toEqual([['proof', 'passed'], ['issuer', 'passed'], ['status', 'passed'], ['validity', 'passed'], ['schema', 'passed']]);
    expect(report.achievements).toEqual([
      { name: 'Supply Chain Fundamentals', achievementType: 'Course', credits: { value: 4, unit: 'ECTS', source: expect.stringContaining('trusted-issuer-registry') }, result: [], alignment: [] },
    ]);
  });

  it('takes the unit from an ELM creditPoint on the achievement, and gives none with the reason otherwise', async () => {
    const base = ob3Credential(other.did);
    const subject = base.credentialSubject as Json;
    const withElm = { ...base, credentialSubject: { ...subject, achievement: { ...(subject.achievement as Json), creditPoint: { framework: { prefLabel: { en: 'European Credit Transfer and Accumulation System' } }, point: '4' } } } };
    // ELM terms are not in the OB 3.0 context (safe mode refuses to sign them): the extraction alone.
    expect(achievementsOf(withElm, null)[0].credits).toMatchObject({ value: 4, unit: 'European Credit Transfer and Accumulation System', source: expect.stringContaining('elm-creditPoint') });
    const bare = await verifier.verify({ credential: await other.sign(ob3Credential(other.did)) });
    expect(bare.achievements[0].credits).toEqual({ value: 4, unit: null, source: expect.stringContaining('not in the trusted-issuer registry') });
  });

  it('fails the proof of a tampered credential', async () => {
    const signed = await issuer.sign(ob3Credential(issuer.did));
    const report = await verifier.verify({ credential: { ...signed, name: 'Advanced Supply Chain' } });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')?.outcome).toBe('failed');
  });

  it('fails the proof when signed by another key than the issuer’s', async () => {
    const signed = await other.sign(ob3Credential(other.did));
    const report = await verifier.verify({ credential: { ...signed, issuer: { id: issuer.did, type: ['Profile'], name: 'Test University' } } });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')?.outcome).toBe('failed');
  });

  it('reports an expired credential with a valid proof', async () => {
    const report = await verifier.verify({ credential: await issuer.sign(ob3Credential(issuer.did, { validUntil: '2025-06-01T00:00:00Z' })) });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')?.outcome).toBe('passed');
    expect(check(report, 'validity')).toMatchObject({ outcome: 'failed', message: expect.stringContaining('expired') });
  });

  it('judges validity at the reference date given', async () => {
    const credential = await issuer.sign(ob3Credential(issuer.did, { validUntil: '2025-06-01T00:00:00Z' }));
    const report = await verifier.verify({ credential, referenceDate: new Date('2025-03-01T00:00:00Z') });
    expect(report.verified).toBe(true);
  });

  it('reports a credential not yet valid', async () => {
    const report = await verifier.verify({ credential: await issuer.sign(ob3Credential(issuer.did, { validFrom: '2099-01-01T00:00:00Z' })) });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')?.outcome).toBe('passed');
    expect(check(report, 'validity')).toMatchObject({ outcome: 'failed', message: expect.stringContaining('not yet valid') });
  });

  it('reads the revoked bit: set is revoked, clear is not-revoked', async () => {
    const revoked = await verifier.verify({ credential: await issuer.sign(ob3Credential(issuer.did, { credentialStatus: statusEntry(LIST, 3) })), statusLists: [revocations] });
    expect(revoked).toMatchObject({ verified: false, status: 'revoked' });
    expect(check(revoked, 'status')).toMatchObject({ outcome: 'failed', message: expect.stringContaining('bit 3') });
    const clear = await verifier.verify({ credential: await issuer.sign(ob3Credential(issuer.did, { credentialStatus: statusEntry(LIST, 4) })), statusLists: [revocations] });
    expect(clear).toMatchObject({ verified: true, status: 'not-revoked' });
  });

  it('reports suspended by the entry’s statusPurpose', async () => {
    const credential = await issuer.sign(ob3Credential(issuer.did, { credentialStatus: [statusEntry(LIST, 4), statusEntry(SUSPENSIONS, 5, 'suspension')] }));
    const report = await verifier.verify({ credential, statusLists: [revocations, suspensions] });
    expect(report).toMatchObject({ verified: false, status: 'suspended' });
  });

  it('reports unknown when the list is missing or fails its own proof', async () => {
    const credential = await issuer.sign(ob3Credential(issuer.did, { credentialStatus: statusEntry(LIST, 3) }));
    const missing = await verifier.verify({ credential });
    expect(missing).toMatchObject({ verified: false, status: 'unknown' });
    const forged = { ...revocations, credentialSubject: { ...(revocations.credentialSubject as Json), encodedList: (suspensions.credentialSubject as Json).encodedList } };
    const badProof = await verifier.verify({ credential, statusLists: [forged] });
    expect(badProof).toMatchObject({ verified: false, status: 'unknown' });
    expect(check(badProof, 'status')?.message).toContain('failed its own verification');
    const foreign = await statusList(other, LIST, 'revocation', []);
    const wrongIssuer = await verifier.verify({ credential, statusLists: [foreign] });
    expect(wrongIssuer.status).toBe('unknown');
    expect(check(wrongIssuer, 'status')?.message).toContain("not by the credential's issuer");
  });

  it('reports an untrusted issuer apart from the proof', async () => {
    const report = await verifier.verify({ credential: await other.sign(ob3Credential(other.did)) });
    expect(report).toMatchObject({ verified: true, issuer: { id: other.did, trusted: false } });
    expect(check(report, 'issuer')).toMatchObject({ outcome: 'failed', message: expect.stringContaining('not in the trusted-issuer registry') });
  });

  it('names an unknown context instead of fetching it', async () => {
    const credential = ob3Credential(issuer.did);
    const withUnknown = { ...credential, '@context': [...(credential['@context'] as string[]), 'https://contexts.example.org/unknown/v1'] };
    const report = await verifier.verify({ credential: { ...withUnknown, proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: `${issuer.did}#${issuer.keyPair.publicKeyMultibase}`, proofValue: 'z1111' } } });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ outcome: 'failed', message: expect.stringContaining('https://contexts.example.org/unknown/v1') });
  });

  it('fails the schema check of an OB3 credential without an achievement', async () => {
    const credential = ob3Credential(issuer.did, { credentialSubject: { id: 'did:example:learner-1', type: ['AchievementSubject'] } });
    const report = await verifier.verify({ credential: await issuer.sign(credential) });
    expect(check(report, 'proof')?.outcome).toBe('passed');
    expect(check(report, 'schema')).toMatchObject({ outcome: 'failed', message: expect.stringContaining('achievement') });
    expect(report.verified).toBe(false);
  });

  it('verifies a VC-JWT signed EdDSA by a did:key issuer, and fails a tampered one', async () => {
    const jwt = await eddsaJwt(issuer, ob3Credential(issuer.did));
    const report = await verifier.verify({ credential: jwt });
    expect(report).toMatchObject({ verified: true, format: 'vc-jwt', issuer: { id: issuer.did, trusted: true } });
    expect(check(report, 'proof')?.message).toContain('EdDSA');
    const [header, payload, signature] = jwt.split('.');
    const edited = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), name: 'Edited' })).toString('base64url');
    const tampered = await verifier.verify({ credential: `${header}.${edited}.${signature}` });
    expect(tampered.verified).toBe(false);
    expect(check(tampered, 'proof')?.outcome).toBe('failed');
  });

  it('verifies a VC-JWT signed ES256 by a did:web issuer whose key the registry holds', async () => {
    const web = await es256Issuer('did:web:registrar.example.edu');
    const withWeb = new FakeTrustedIssuers().add({ did: web.did, name: 'Example Registrar', didDocument: web.didDocument });
    const jwt = await web.sign(ob3Credential(web.did));
    const report = await new CredentialVerifier(withWeb, new FakeStatusLists()).verify({ credential: jwt });
    expect(report).toMatchObject({ verified: true, format: 'vc-jwt', issuer: { trusted: true } });
    expect(check(report, 'proof')?.message).toContain('ES256');
    const unregistered = await verifier.verify({ credential: jwt });
    expect(check(unregistered, 'proof')).toMatchObject({ outcome: 'failed', message: expect.stringContaining('unknown document did:web:registrar.example.edu#key-1') });
  });

  it('fails a string that is no JWT', async () => {
    const report = await verifier.verify({ credential: 'not-a-jwt' });
    expect(report).toMatchObject({ verified: false, format: 'vc-jwt' });
    expect(check(report, 'proof')?.message).toContain('not a compact JWS');
  });

  it('unpacks a CLR bundle and verifies each assertion', async () => {
    const good = await issuer.sign(ob3Credential(issuer.did));
    const revoked = await issuer.sign(ob3Credential(issuer.did, { credentialStatus: statusEntry(LIST, 3) }));
    // The CLR 2.0 JSON-LD context is not shipped (see README): the bundle is signed as a VC-JWT,
    // which CLR 2.0 allows; its assertions carry their own embedded eddsa-rdfc-2022 proofs.
    const clr = (assertions: Json[]) =>
      eddsaJwt(issuer, {
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        id: 'urn:uuid:7f3a0b8e-0000-4000-8000-000000000001',
        type: ['VerifiableCredential', 'ClrCredential'],
        issuer: { id: issuer.did, type: ['Profile'], name: 'Test University' },
        validFrom: '2025-01-01T00:00:00Z',
        credentialSubject: { id: 'did:example:learner-1', type: ['ClrSubject'], verifiableCredential: assertions },
      });
    const report = await verifier.verify({ credential: await clr([good, await issuer.sign(ob3Credential(issuer.did))]) });
    expect(report).toMatchObject({ verified: true, format: 'clr2' });
    expect(report.assertions?.map((a) => [a.format, a.verified])).toEqual([['ob3', true], ['ob3', true]]);
    expect(report.achievements).toHaveLength(2);
    const withRevoked = await verifier.verify({ credential: await clr([good, revoked]), statusLists: [revocations] });
    expect(withRevoked.verified).toBe(false);
    expect(withRevoked.assertions?.map((a) => a.status)).toEqual(['none', 'revoked']);
  });
});
