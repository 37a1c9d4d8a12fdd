import { createDecipheriv } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import request from 'supertest';
import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { RecognitionReactor } from '@app/credentials';
import type { RecordedEvent } from '@app/event-store';
import { independentVerifier } from './support/independent-verifier';
import { runScmFlow, ScmFlowResult } from './support/scm-flow';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

const BASE = 'https://credits.example.edu';
type Doc = Record<string, unknown> & { id: string; issuer: { id: string; name: string }; credentialStatus: { statusListCredential: string; statusListIndex: string }; credentialSubject: Record<string, unknown>; proof: { verificationMethod: string } };

/**
 * Recognition credentials end to end over HTTP (standalone app, MIT SCM pathway): a decided
 * request yields an OB3 AchievementCredential signed by MIT's key, which a verifier made of the
 * published libraries alone verifies, status included; a revision revokes it (its bit set in the
 * hosted list) and issues a new one; a key rotation signs later credentials and a new list with
 * the new key while the old ones still verify; the secret keys are in the log only encrypted.
 */
describe('recognition credentials: issued on decision, revoked on revision, verified independently', () => {
  let t: StandaloneUnderTest;
  let flow: ScmFlowResult;
  const as = (token: string) => ({
    get: (path: string) => request(t.server).get(path).auth(token, { type: 'bearer' }),
    post: (path: string) => request(t.server).post(path).auth(token, { type: 'bearer' }),
  });
  const events = async (stream: string): Promise<RecordedEvent[]> => {
    const out: RecordedEvent[] = [];
    for await (const e of t.store.readStream(stream)) out.push(e);
    return out;
  };
  /** Fetches the hosted list a credential points to, over HTTP, into an independent verifier. */
  const verifierFor = async (...credentials: Doc[]) => {
    const lists = new Map<string, Record<string, unknown>>();
    for (const c of credentials) {
      const url = c.credentialStatus.statusListCredential;
      expect(url.startsWith(`${BASE}/`)).toBe(true);
      lists.set(url, (await request(t.server).get(url.slice(BASE.length)).expect(200)).body);
    }
    return { verifier: independentVerifier(lists), lists };
  };
  const bitOf = async (credential: Doc): Promise<boolean> => {
    const url = credential.credentialStatus.statusListCredential;
    const list = (await request(t.server).get(url.slice(BASE.length)).expect(200)).body as { credentialSubject: { encodedList: string; statusPurpose: string } };
    const listCheck = await independentVerifier().verify(list, false);
    expect(listCheck.verified).toBe(true);
    expect(list.credentialSubject.statusPurpose).toBe('revocation');
    const decoded = await decodeList({ encodedList: list.credentialSubject.encodedList });
    expect(decoded.length).toBeGreaterThanOrEqual(131072);
    return decoded.getStatus(Number(credential.credentialStatus.statusListIndex));
  };
  const revise = async () => {
    const item = `credential:${flow.credentialId}`;
    await as(flow.tokens.uni.submitter).post(`/transfer-requests/${flow.requestId}/appeal`).send({ grounds: 'the pathway credential counts', itemIds: [item] }).expect(201);
    await as(flow.tokens.mit.registrar).post(`/transfer-requests/${flow.requestId}/revision`).send({ items: [{ itemId: item, outcome: 'recognized', reasonCode: 'PATHWAY_CREDENTIAL' }], note: 'upheld' }).expect(201);
  };
  const current = async (): Promise<{ doc: Doc; text: string }> => {
    const res = await as(flow.tokens.mit.registrar).get(`/transfer-requests/${flow.requestId}/recognition-credential`).expect(200);
    return { doc: res.body as Doc, text: res.text };
  };

  beforeAll(async () => {
    t = await startStandalone({ PUBLIC_BASE_URL: BASE });
    flow = await runScmFlow(t);
  }, 120_000);
  afterAll(() => t?.close());

  let first: Doc;

  it('issues an OB3 AchievementCredential from MIT to the learner when the request is decided, recorded as an event, same bytes on every read', async () => {
    const a = await current();
    const b = await current();
    expect(b.text).toBe(a.text);
    first = a.doc;
    expect(first).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { name: 'MIT', type: ['Profile'] },
      credentialSubject: { id: `urn:uuid:${flow.learnerId}`, type: ['AchievementSubject'], achievement: { type: ['Achievement'], name: 'Credit recognised toward mit-scm' } },
      credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListCredential: `${BASE}/status-lists/mit.1`, statusListIndex: '0' },
      proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' },
    });
    expect(first.issuer.id).toMatch(/^did:key:z6Mk/);
    const results = first.credentialSubject.result as { value: string }[];
    expect(results).toHaveLength(flow.completionIds.length + 1);
    expect(JSON.stringify(first.evidence)).toContain('mit-scm-recognition 2026.1');
    const decided = (await events(`transfer-${flow.requestId}`)).find((e) => e.type === 'ItemsDecided');
    expect(first.validFrom).toBe(decided?.occurredAt);
    const issued = (await events('recognition-mit')).filter((e) => e.type === 'RecognitionCredentialIssued');
    expect(issued).toHaveLength(1);
    expect(issued[0].data).toMatchObject({ requestId: flow.requestId, credentialId: first.id, decision: { eventId: decided?.id, type: 'ItemsDecided' }, statusListId: 'mit.1', statusListIndex: 0 });
    expect(JSON.stringify(issued[0].data.credential)).toBe(JSON.stringify(first));
  });

  it('verifies with the published libraries alone (no project code), status bit clear; a tampered copy fails', async () => {
    const { verifier } = await verifierFor(first);
    const result = await verifier.verify(first);
    expect({ verified: result.verified, error: result.error?.message ?? null }).toEqual({ verified: true, error: null });
    expect({ statusChecked: result.statusResult?.verified, revoked: result.statusResult?.results?.[0]?.status }).toEqual({ statusChecked: true, revoked: false });
    expect(await bitOf(first)).toBe(false);
    const tampered = { ...first, credentialSubject: { ...first.credentialSubject, creditsEarned: 999 } };
    expect((await verifier.verify(tampered)).verified).toBe(false);
  });

  it('keeps the secret key only encrypted (AES-256-GCM under the key-encryption key kept next to the SQLite file)', async () => {
    const [generated] = await events('institutionkeys-mit');
    expect(generated.type).toBe('InstitutionKeyGenerated');
    const secret = generated.data.secretKey as { alg: string; iv: string; tag: string; ciphertext: string };
    expect(secret.alg).toBe('A256GCM');
    const kekFile = join(dirname(String(process.env.SQLITE_PATH)), 'credential-kek');
    expect(statSync(kekFile).mode & 0o777).toBe(0o600);
    const kek = Buffer.from(readFileSync(kekFile, 'utf8').trim(), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(secret.iv, 'base64'));
    decipher.setAAD(Buffer.from(String(generated.data.keyId)));
    decipher.setAuthTag(Buffer.from(secret.tag, 'base64'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(secret.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    expect(plaintext).toMatch(/^z/);
    const log: string[] = [];
    for await (const e of t.store.readAll()) log.push(JSON.stringify(e));
    expect(log.some((line) => line.includes(plaintext))).toBe(false);
    expect(log.some((line) => line.includes('secretKeyMultibase'))).toBe(false);
  });

  it('answers its parties and auditors like GET /transfer-requests/{id}; a request not decided is a 404 that says so', async () => {
    await as(flow.tokens.uni.submitter).get(`/transfer-requests/${flow.requestId}/recognition-credential`).expect(200);
    await as(flow.tokens.mitx.issuer).get(`/transfer-requests/${flow.requestId}/recognition-credential`).expect(403);
    const pending = await as(flow.tokens.uni.submitter).post('/transfer-requests')
      .send({ learnerId: flow.learnerId, receivingInstitution: 'mit', programId: 'mit-scm', evidence: { completionIds: [flow.completionIds[0]] } }).expect(201);
    const res = await as(flow.tokens.mit.registrar).get(`/transfer-requests/${pending.body.id as string}/recognition-credential`).expect(404);
    expect(res.body.code).toBe('recognition-credential-not-found');
    expect(res.body.message).toContain('evaluated');
  });

  let second: Doc;

  it('a revision revokes the old credential (its bit set in the re-signed hosted list) and issues a new one', async () => {
    await revise();
    // the reactor issues without anyone reading: the log holds the revocation and the new issuance before any GET
    await t.app.get(RecognitionReactor).waitFor(await t.store.headPosition());
    const recorded = (await events('recognition-mit')).map((e) => e.type);
    expect(recorded).toEqual(['RecognitionCredentialIssued', 'RecognitionCredentialRevoked', 'RecognitionCredentialIssued']);
    second = (await current()).doc;
    expect(second.id).not.toBe(first.id);
    expect(second.credentialStatus).toMatchObject({ statusListCredential: `${BASE}/status-lists/mit.1`, statusListIndex: '1' });
    expect(await bitOf(first)).toBe(true);
    expect(await bitOf(second)).toBe(false);
    const { verifier } = await verifierFor(first, second);
    expect((await verifier.verify(second)).verified).toBe(true);
    // the old one: its proof still holds, its revocation bit is set (what a verifier reports as revoked)
    const old = await verifier.verify(first);
    expect({ verified: old.verified, statusChecked: old.statusResult?.verified, revoked: old.statusResult?.results?.[0]?.status }).toEqual({ verified: true, statusChecked: true, revoked: true });
    const history = await as(flow.tokens.mit.registrar).get(`/transfer-requests/${flow.requestId}/recognition-credentials`).expect(200);
    expect(history.body.credentials.map((c: { credentialId: string; revoked: { supersededBy: string } | null }) => [c.credentialId, c.revoked?.supersededBy ?? null])).toEqual([[first.id, second.id], [second.id, null]]);
  });

  it('a key rotation signs later credentials (and a new status list) with the new key; the earlier ones still verify', async () => {
    await as(flow.tokens.uni.submitter).post('/institutions/mit/keys/rotation').send({}).expect(403);
    await as(flow.tokens.mit.registrar).post('/institutions/mit/keys/rotation').send({ reason: 'scheduled' }).expect(201);
    const keys = (await request(t.server).get('/institutions/mit/keys').expect(200)).body as { keys: { did: string; retiredOn: string | null }[] };
    expect(keys.keys).toHaveLength(2);
    expect(keys.keys[0].retiredOn).not.toBeNull();
    await revise();
    const third = (await current()).doc;
    expect(third.issuer.id).toBe(keys.keys[1].did);
    expect(third.issuer.id).not.toBe(first.issuer.id);
    expect(third.credentialStatus).toMatchObject({ statusListCredential: `${BASE}/status-lists/mit.2`, statusListIndex: '0' });
    const { verifier } = await verifierFor(second, third);
    expect((await verifier.verify(third)).verified).toBe(true);
    expect(await bitOf(second)).toBe(true);
    // signed before the rotation, by the did:key that describes itself: the proof still holds
    const earlier = await verifier.verify(second);
    expect({ verified: earlier.verified, revoked: earlier.statusResult?.results?.[0]?.status }).toEqual({ verified: true, revoked: true });
    const did = (await request(t.server).get('/institutions/mit/did.json').expect(200)).body as { id: string };
    expect(did.id).toBe(third.issuer.id);
  });
});
