import { given } from '@app/testing';
import { RegisterTrustedIssuer, RetireTrustedIssuer, trustedIssuerDecider } from '../../src/trusted-issuers/domain/trusted-issuer.decider';
import { TrustedIssuerEvent } from '../../src/trusted-issuers/domain/trusted-issuer.events';
import { didDocumentFromMultikey } from '../../src/trusted-issuers/domain/did-document';

// A real Ed25519 Multikey (the did:key of the W3C VC test suites).
const KEY = 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const DID = 'did:web:credentials.mitx.example';
const admin = { institutionId: 'platform', role: 'admin' };
const mitRegistrar = { institutionId: 'mit', role: 'registrar' };

const register = (over: Partial<RegisterTrustedIssuer> = {}): RegisterTrustedIssuer => ({
  kind: 'RegisterTrustedIssuer',
  trustedIssuerId: 'ti-1',
  actor: admin,
  did: DID,
  name: 'MITx credentials',
  institutionId: 'mit',
  publicKeyMultibase: KEY,
  creditUnit: 'US_SEMESTER',
  institutionRegistered: true,
  registeredOn: '2026-12-01',
  ...over,
});
const retire = (over: Partial<RetireTrustedIssuer> = {}): RetireTrustedIssuer => ({ kind: 'RetireTrustedIssuer', trustedIssuerId: 'ti-1', actor: admin, reason: 'key rotated', retiredOn: '2026-12-02', ...over });

const registered: TrustedIssuerEvent = {
  type: 'TrustedIssuerRegistered',
  data: { trustedIssuerId: 'ti-1', did: DID, name: 'MITx credentials', institutionId: 'mit', didDocument: didDocumentFromMultikey(DID, KEY), creditUnit: 'US_SEMESTER', registeredBy: 'platform', registeredOn: '2026-12-01' },
};
const retired: TrustedIssuerEvent = { type: 'TrustedIssuerRetired', data: { trustedIssuerId: 'ti-1', did: DID, reason: 'key rotated', retiredOn: '2026-12-02' } };

const document = (over: Record<string, unknown> = {}) => ({
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
  id: DID,
  verificationMethod: [{ id: `${DID}#key-1`, type: 'Multikey', controller: DID, publicKeyMultibase: KEY }],
  assertionMethod: [`${DID}#key-1`],
  ...over,
});

describe('trusted-issuer decider', () => {
  it('registers an issuer by its key: a DID document with one Multikey method #key-1', () => {
    const [event] = given(trustedIssuerDecider).when(register()).then([registered]);
    expect(event.type === 'TrustedIssuerRegistered' && event.data.didDocument).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: DID,
      verificationMethod: [{ id: `${DID}#key-1`, type: 'Multikey', controller: DID, publicKeyMultibase: KEY }],
      assertionMethod: [`${DID}#key-1`],
      authentication: [`${DID}#key-1`],
    });
  });

  it('names a did:key method by its key fragment, and refuses a key the did:key does not encode', () => {
    const did = `did:key:${KEY}`;
    given(trustedIssuerDecider).when(register({ did })).thenMatches([{ type: 'TrustedIssuerRegistered', data: { didDocument: { verificationMethod: [{ id: `${did}#${KEY}` }] } } }]);
    const error = given(trustedIssuerDecider).when(register({ did: 'did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp' })).thenRefuses('invalid', 'public-key-not-of-did-key');
    expect(error.details?.path).toBe('/publicKeyMultibase');
    given(trustedIssuerDecider).when(register({ did, publicKeyMultibase: undefined, didDocument: document({ id: did }) })).thenRefuses('invalid', 'did-key-document');
  });

  it('registers a did:web issuer with its own document', () => {
    given(trustedIssuerDecider).when(register({ publicKeyMultibase: undefined, didDocument: document() })).thenMatches([{ type: 'TrustedIssuerRegistered', data: { didDocument: document() } }]);
  });

  it.each([
    ['another DID as id', document({ id: 'did:web:elsewhere.example' }), 'did-document-id-mismatch', '/didDocument/id'],
    ['no DID context', document({ '@context': 'https://w3id.org/security/multikey/v1' }), 'did-document-context', '/didDocument/@context'],
    ['a method of another DID', document({ verificationMethod: [{ id: 'did:web:elsewhere.example#key-1', type: 'Multikey', controller: DID, publicKeyMultibase: KEY }] }), 'verification-method-of-another-did', '/didDocument/verificationMethod/0/id'],
    ['a method controlled by another DID', document({ verificationMethod: [{ id: `${DID}#key-1`, type: 'Multikey', controller: 'did:web:elsewhere.example', publicKeyMultibase: KEY }] }), 'verification-method-controller', '/didDocument/verificationMethod/0/controller'],
    ['an assertion method it does not list', document({ assertionMethod: [`${DID}#key-2`] }), 'verification-method-unknown', '/didDocument/assertionMethod/0'],
    ['an embedded assertion method of another DID', document({ assertionMethod: [{ id: 'did:web:x.example#k', type: 'Multikey', controller: DID }] }), 'verification-method-of-another-did', '/didDocument/assertionMethod/0/id'],
    ['no assertion method', document({ assertionMethod: [] }), 'no-assertion-method', '/didDocument/assertionMethod'],
  ])('refuses a document with %s, naming the field', (_what, didDocument, code, path) => {
    const error = given(trustedIssuerDecider).when(register({ publicKeyMultibase: undefined, didDocument })).thenRefuses('invalid', code);
    expect(error.details?.path).toBe(path);
  });

  it('wants exactly one of didDocument and publicKeyMultibase, and a real Ed25519 key', () => {
    given(trustedIssuerDecider).when(register({ didDocument: document() })).thenRefuses('invalid', 'did-document-and-key');
    given(trustedIssuerDecider).when(register({ publicKeyMultibase: undefined })).thenRefuses('invalid', 'no-did-document-or-key');
    given(trustedIssuerDecider).when(register({ publicKeyMultibase: 'z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc' })).thenRefuses('invalid', 'public-key-not-ed25519-multikey');
  });

  it('refuses what is not a DID', () => {
    for (const did of ['web:example.edu', 'did:Web:example.edu', 'did:web:', 'did:web:a b']) {
      expect(given(trustedIssuerDecider).when(register({ did })).thenRefuses('invalid', 'did-invalid').details?.path).toBe('/did');
    }
  });

  it('lets a registrar register for its own institution only, and only registered institutions', () => {
    given(trustedIssuerDecider).when(register({ actor: mitRegistrar })).thenMatches([{ type: 'TrustedIssuerRegistered', data: { registeredBy: 'mit' } }]);
    const error = given(trustedIssuerDecider).when(register({ actor: { institutionId: 'harvard', role: 'registrar' } })).thenRefuses('forbidden', 'trusted-issuer-of-another-institution');
    expect(error.details?.path).toBe('/institutionId');
    given(trustedIssuerDecider).when(register({ actor: { institutionId: 'mitx', role: 'issuer' } })).thenRefuses('forbidden', 'not-trusted-issuer-manager');
    given(trustedIssuerDecider).when(register({ institutionRegistered: false })).thenRefuses('invalid', 'institution-not-found');
  });

  it('keeps one active entry per DID; a retired DID may be registered again', () => {
    given(trustedIssuerDecider, [registered]).when(register({ trustedIssuerId: 'ti-2' })).thenRefuses('conflict', 'trusted-issuer-exists');
    given(trustedIssuerDecider, [registered, retired]).when(register({ trustedIssuerId: 'ti-2' })).thenMatches([{ type: 'TrustedIssuerRegistered', data: { trustedIssuerId: 'ti-2' } }]);
  });

  it('retires once, by an admin or the institution’s registrar', () => {
    given(trustedIssuerDecider, [registered]).when(retire()).then([retired]);
    given(trustedIssuerDecider, [registered]).when(retire({ actor: mitRegistrar })).then([retired]);
    given(trustedIssuerDecider, [registered]).when(retire({ actor: { institutionId: 'harvard', role: 'registrar' } })).thenRefuses('forbidden', 'trusted-issuer-of-another-institution');
    given(trustedIssuerDecider, [registered, retired]).when(retire()).thenRefuses('conflict', 'trusted-issuer-retired');
    given(trustedIssuerDecider).when(retire()).thenRefuses('not-found', 'trusted-issuer-not-found');
    for (const trustedIssuerId of ['__proto__', 'constructor', 'toString']) {
      given(trustedIssuerDecider, [registered]).when(retire({ trustedIssuerId })).thenRefuses('not-found', 'trusted-issuer-not-found');
    }
  });

  it('folds the active DIDs', () => {
    expect(given(trustedIssuerDecider, [registered]).state.activeByDid).toEqual({ [DID]: 'ti-1' });
    expect(given(trustedIssuerDecider, [registered, retired]).state.activeByDid).toEqual({});
    expect(given(trustedIssuerDecider, [registered, retired]).state.entries['ti-1'].retired).toEqual({ reason: 'key rotated', retiredOn: '2026-12-02' });
  });
});
