import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import request from 'supertest';
import { offlineDocumentLoader, TRUSTED_ISSUERS, TrustedIssuerDirectory, TrustedIssuerRegistry } from '@app/credentials';
import { assertNoInternals } from './support/error-bodies';
import { provision } from './support/provision';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

/**
 * The trusted-issuer registry over HTTP: who may register and retire (an admin for any
 * institution, a registrar for its own), what is refused (400 with a pointer, 403, 409; nothing
 * appended), and the directory the verifier reads: a did:web issuer registered here, signing with
 * its Ed25519 Multikey (eddsa-rdfc-2022), verifies through the offline document loader backed by
 * the directory, at once (read-your-writes), and no longer once retired.
 */
describe('trusted issuers over HTTP', () => {
  let t: StandaloneUnderTest;
  let mit: Record<string, string>;
  let harvard: Record<string, string>;
  let directory: TrustedIssuerDirectory;

  const post = (path: string, token: string, body: object) => request(t.server).post(path).auth(token, { type: 'bearer' }).send(body);
  const get = (path: string, token: string) => request(t.server).get(path).auth(token, { type: 'bearer' });
  /** A refusal: status, code, pointer (if any), nothing appended, no internals. */
  /** `code` null: refused by the guard or the body schema, which answer no domain code. */
  const refused = async (call: () => request.Test, status: number, code: string | null, path?: string) => {
    const head = await t.store.headPosition();
    const res = await call();
    expect([res.status, res.body.code]).toEqual([status, code ?? undefined]);
    if (path !== undefined) expect(res.body.errors?.map((e: { path: string }) => e.path)).toContain(path);
    assertNoInternals(res.body);
    expect(await t.store.headPosition()).toBe(head);
    return res;
  };
  const suite = () => [new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 })];
  const credentialOf = (issuer: string) => ({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential'],
    issuer,
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:learner-1', name: 'Supply Chain Analytics' },
  });
  const loader = () => offlineDocumentLoader({ didDocuments: t.app.get(TrustedIssuerRegistry).didDocuments });

  beforeAll(async () => {
    t = await startStandalone();
    mit = await provision(t, { institutionId: 'mit', name: 'MIT', country: 'US', creditUnit: 'US_SEMESTER' }, ['registrar', 'issuer']);
    harvard = await provision(t, { institutionId: 'harvard', name: 'Harvard', country: 'US', creditUnit: 'US_SEMESTER' }, ['registrar']);
    directory = t.app.get<TrustedIssuerDirectory>(TRUSTED_ISSUERS);
  }, 60000);
  afterAll(() => t?.close());

  it('a did:web issuer registered by its key signs credentials that verify through the directory at once', async () => {
    const did = 'did:web:credentials.mitx.example';
    const key = await Ed25519Multikey.generate({ id: `${did}#key-1`, controller: did });
    const signed = await vc.issue({ credential: credentialOf(did), suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022, signer: key.signer() }), documentLoader: loader() });

    expect(await directory.find(did)).toBeNull();
    expect((await vc.verifyCredential({ credential: signed, suite: suite(), documentLoader: loader() })).verified).toBe(false);

    const res = await post('/trusted-issuers', t.adminToken, { did, name: 'MITx credentials', institutionId: 'mit', publicKeyMultibase: key.publicKeyMultibase, creditUnit: 'US_SEMESTER' }).expect(201);
    expect(res.headers.etag).toBe(`"${res.body.revision}"`);
    const found = await directory.find(did);
    expect(found).toMatchObject({ did, name: 'MITx credentials', institutionId: 'mit', creditUnit: 'US_SEMESTER' });
    expect(found?.didDocument).toMatchObject({ id: did, assertionMethod: [`${did}#key-1`], verificationMethod: [{ id: `${did}#key-1`, type: 'Multikey', controller: did, publicKeyMultibase: key.publicKeyMultibase }] });
    const load = loader();
    await expect(load(did)).resolves.toMatchObject({ document: found?.didDocument });
    await expect(load(`${did}#key-1`)).resolves.toMatchObject({ document: { id: `${did}#key-1`, type: 'Multikey', publicKeyMultibase: key.publicKeyMultibase } });

    const verified = await vc.verifyCredential({ credential: signed, suite: suite(), documentLoader: loader() });
    expect(verified.verified).toBe(true);
    const tampered = { ...signed, credentialSubject: { id: 'did:example:learner-1', name: 'Something else' } };
    expect((await vc.verifyCredential({ credential: tampered, suite: suite(), documentLoader: loader() })).verified).toBe(false);

    await post(`/trusted-issuers/${res.body.id as string}/retirement`, t.adminToken, { reason: 'key rotated' }).expect(200);
    expect(await directory.find(did)).toBeNull();
    expect((await vc.verifyCredential({ credential: signed, suite: suite(), documentLoader: loader() })).verified).toBe(false);
  });

  it('a registrar registers a did:web issuer with its DID document for its own institution; others read it', async () => {
    const did = 'did:web:badges.example.org:mit';
    const key = await Ed25519Multikey.generate({ id: `${did}#signing`, controller: did });
    const didDocument = {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [{ id: `${did}#signing`, type: 'Multikey', controller: did, publicKeyMultibase: key.publicKeyMultibase }],
      assertionMethod: [`${did}#signing`],
    };
    const res = await post('/trusted-issuers', mit.registrar, { did, name: 'Badges for MIT', institutionId: 'mit', didDocument }).expect(201);
    const entry = await get(`/trusted-issuers/${res.body.id as string}`, harvard.registrar).expect(200);
    expect(entry.body).toMatchObject({ trustedIssuerId: res.body.id, did, institutionId: 'mit', didDocument, creditUnit: null, registeredBy: 'mit', retired: null });
    const signed = await vc.issue({ credential: credentialOf(did), suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022, signer: key.signer() }), documentLoader: loader() });
    expect((await vc.verifyCredential({ credential: signed, suite: suite(), documentLoader: loader() })).verified).toBe(true);

    const ofMit = await get('/trusted-issuers?institutionId=mit', mit.issuer).expect(200);
    expect(ofMit.body.trustedIssuers.map((e: { did: string }) => e.did)).toEqual([did]);
    const all = await get('/trusted-issuers?institutionId=mit&includeRetired=true', mit.issuer).expect(200);
    expect(all.body.trustedIssuers.map((e: { did: string }) => e.did)).toEqual(['did:web:credentials.mitx.example', did]);
    expect(all.body.trustedIssuers[0].retired).toMatchObject({ reason: 'key rotated' });
    expect((await get('/trusted-issuers?institutionId=harvard', mit.issuer).expect(200)).body.trustedIssuers).toEqual([]);

    // Another institution's registrar may read but not retire it; its own registrar may.
    await refused(() => post(`/trusted-issuers/${res.body.id as string}/retirement`, harvard.registrar, { reason: 'not ours' }), 403, 'trusted-issuer-of-another-institution');
    await post(`/trusted-issuers/${res.body.id as string}/retirement`, mit.registrar, { reason: 'moved' }).expect(200);
    await refused(() => post(`/trusted-issuers/${res.body.id as string}/retirement`, mit.registrar, { reason: 'again' }), 409, 'trusted-issuer-retired');
    expect(await directory.find(did)).toBeNull();
  });

  it('refuses a registrar registering for another institution (403), and other roles', async () => {
    const body = { did: 'did:web:harvard.example', name: 'Harvard', institutionId: 'harvard', publicKeyMultibase: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' };
    await refused(() => post('/trusted-issuers', mit.registrar, body), 403, 'trusted-issuer-of-another-institution', '/institutionId');
    await refused(() => post('/trusted-issuers', mit.issuer, { ...body, institutionId: 'mit' }), 403, null);
    await refused(() => post('/trusted-issuers', t.adminToken, { ...body, institutionId: 'nowhere' }), 400, 'institution-not-found', '/institutionId');
  });

  it('refuses a malformed DID, key or document with a pointer (400)', async () => {
    const key = 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const base = { name: 'X', institutionId: 'mit' };
    const first = await refused(() => post('/trusted-issuers', t.adminToken, { ...base, did: 'web:example.edu', publicKeyMultibase: key }), 400, null, '/did');
    expect(first.body.message).toContain('/did');
    await refused(() => post('/trusted-issuers', t.adminToken, { ...base, did: 'did:web:x.example', publicKeyMultibase: 'not-a-key' }), 400, null, '/publicKeyMultibase');
    await refused(() => post('/trusted-issuers', t.adminToken, { ...base, did: 'did:web:x.example' }), 400, 'no-did-document-or-key', '/didDocument');
    await refused(() => post('/trusted-issuers', t.adminToken, { ...base, did: 'did:web:x.example', publicKeyMultibase: key, didDocument: { id: 'did:web:x.example' } }), 400, 'did-document-and-key', '/publicKeyMultibase');
    const document = { '@context': 'https://www.w3.org/ns/did/v1', id: 'did:web:y.example', verificationMethod: [{ id: 'did:web:y.example#k', type: 'Multikey', controller: 'did:web:y.example', publicKeyMultibase: key }], assertionMethod: ['did:web:y.example#k'] };
    await refused(() => post('/trusted-issuers', t.adminToken, { ...base, did: 'did:web:x.example', didDocument: document }), 400, 'did-document-id-mismatch', '/didDocument/id');
    const foreignMethod = { ...document, id: 'did:web:x.example', verificationMethod: [{ ...document.verificationMethod[0], controller: 'did:web:x.example' }] };
    await refused(() => post('/trusted-issuers', t.adminToken, { ...base, did: 'did:web:x.example', didDocument: foreignMethod }), 400, 'verification-method-of-another-did', '/didDocument/verificationMethod/0/id');
  });

  it('refuses a second active entry for a DID (409), and is idempotent with Idempotency-Key', async () => {
    const body = { did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', name: 'Test issuer', institutionId: 'harvard', publicKeyMultibase: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' };
    const first = await post('/trusted-issuers', harvard.registrar, body).set('Idempotency-Key', 'did-key-1').expect(201);
    const again = await post('/trusted-issuers', harvard.registrar, body).set('Idempotency-Key', 'did-key-1').expect(201);
    expect(again.body).toMatchObject({ id: first.body.id, replayed: true, eventIds: first.body.eventIds });
    await refused(() => post('/trusted-issuers', t.adminToken, { ...body, institutionId: 'mit' }), 409, 'trusted-issuer-exists');
    expect(await directory.find(body.did)).toMatchObject({ institutionId: 'harvard', creditUnit: null });
  });

  it('answers 404 for an unknown entry, and 409 for a stale If-Match on a retirement', async () => {
    await refused(() => get('/trusted-issuers/no-such-entry', mit.issuer), 404, 'trusted-issuer-not-found');
    await refused(() => post('/trusted-issuers/no-such-entry/retirement', t.adminToken, { reason: 'x' }), 404, 'trusted-issuer-not-found');
    for (const id of ['__proto__', 'constructor']) {
      await refused(() => get(`/trusted-issuers/${id}`, mit.issuer), 404, 'trusted-issuer-not-found');
      await refused(() => post(`/trusted-issuers/${id}/retirement`, t.adminToken, { reason: 'x' }), 404, 'trusted-issuer-not-found');
      expect(await directory.find(id)).toBeNull();
    }
    const listed = await get('/trusted-issuers', t.adminToken).expect(200);
    const active = listed.body.trustedIssuers[0] as { trustedIssuerId: string };
    await refused(() => post(`/trusted-issuers/${active.trustedIssuerId}/retirement`, t.adminToken, { reason: 'x' }).set('If-Match', `"${(listed.body.revision as number) - 1}"`), 409, 'revision-conflict');
    await post(`/trusted-issuers/${active.trustedIssuerId}/retirement`, t.adminToken, { reason: 'x' }).set('If-Match', `"${listed.body.revision as number}"`).expect(200);
  });
});
