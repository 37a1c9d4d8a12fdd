import { Json, refuse } from '@app/kernel';
import { didMethodOf, isEd25519Multikey } from './did-syntax';

export type JsonDocument = { [key: string]: Json };

export const DID_CONTEXT_V1 = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_CONTEXT_V1 = 'https://w3id.org/security/multikey/v1';

/** Verification relationships whose entries name (or embed) verification methods. */
const RELATIONSHIPS = ['authentication', 'assertionMethod', 'keyAgreement', 'capabilityInvocation', 'capabilityDelegation'] as const;

const isObject = (value: unknown): value is JsonDocument => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The id of the verification method a registered Multikey gets: the key fragment for did:key, `#key-1` otherwise. */
export function keyIdFor(did: string, publicKeyMultibase: string): string {
  return didMethodOf(did) === 'key' ? `${did}#${publicKeyMultibase}` : `${did}#key-1`;
}

/**
 * The DID document of an issuer registered by its Ed25519 public key: one Multikey verification
 * method, used for assertions (credential proofs) and authentication. For did:key the key must be
 * the one the DID encodes (400 at /publicKeyMultibase otherwise).
 */
export function didDocumentFromMultikey(did: string, publicKeyMultibase: string): JsonDocument {
  if (!isEd25519Multikey(publicKeyMultibase)) {
    throw refuse.invalid('public-key-not-ed25519-multikey', 'publicKeyMultibase must be an Ed25519 Multikey: base58btc of 0xed01 and 32 key bytes (z6Mk...)', '/publicKeyMultibase');
  }
  if (didMethodOf(did) === 'key' && did !== `did:key:${publicKeyMultibase}`) {
    throw refuse.invalid('public-key-not-of-did-key', `did ${did} encodes another key than publicKeyMultibase ${publicKeyMultibase}`, '/publicKeyMultibase');
  }
  const id = keyIdFor(did, publicKeyMultibase);
  return {
    '@context': [DID_CONTEXT_V1, MULTIKEY_CONTEXT_V1],
    id: did,
    verificationMethod: [{ id, type: 'Multikey', controller: did, publicKeyMultibase }],
    assertionMethod: [id],
    authentication: [id],
  };
}

function contextsOf(document: JsonDocument): unknown[] {
  const context = document['@context'];
  return Array.isArray(context) ? context : [context];
}

/** A verification method of the DID: id `${did}#fragment`, controlled by the DID, with a type. */
function checkMethod(did: string, method: unknown, pointer: string): string {
  if (!isObject(method)) throw refuse.invalid('verification-method-not-object', 'a verification method is an object { id, type, controller, ... }', pointer);
  const id = method.id;
  if (typeof id !== 'string' || !id.startsWith(`${did}#`) || id.length === did.length + 1) {
    throw refuse.invalid('verification-method-of-another-did', `verification method id ${JSON.stringify(id)} must be a fragment of ${did} (${did}#...)`, `${pointer}/id`);
  }
  if (method.controller !== did) {
    throw refuse.invalid('verification-method-controller', `verification method ${id} must be controlled by ${did}, got ${JSON.stringify(method.controller)}`, `${pointer}/controller`);
  }
  if (typeof method.type !== 'string' || method.type.length === 0) throw refuse.invalid('verification-method-type', `verification method ${id} has no type`, `${pointer}/type`);
  return id;
}

/**
 * A DID document registered as given (did:web and other methods this system does not resolve):
 * its `id` is the DID, it uses the DID context, every verification method (listed or embedded in a
 * relationship) is a fragment of the DID controlled by it, every reference in a relationship names
 * one of its methods, and it can sign credentials (a non-empty assertionMethod). Each refusal is a
 * 400 naming the field under /didDocument.
 */
export function checkedDidDocument(did: string, document: JsonDocument): JsonDocument {
  if (document.id !== did) throw refuse.invalid('did-document-id-mismatch', `didDocument.id must equal did ${did}, got ${JSON.stringify(document.id)}`, '/didDocument/id');
  if (!contextsOf(document).includes(DID_CONTEXT_V1)) {
    throw refuse.invalid('did-document-context', `didDocument @context must include ${DID_CONTEXT_V1}`, '/didDocument/@context');
  }
  const listed = document.verificationMethod ?? [];
  if (!Array.isArray(listed)) throw refuse.invalid('verification-methods-not-array', 'didDocument.verificationMethod must be an array', '/didDocument/verificationMethod');
  const ids = new Set<string>();
  listed.forEach((method, index) => {
    const id = checkMethod(did, method, `/didDocument/verificationMethod/${index}`);
    if (ids.has(id)) throw refuse.invalid('verification-method-repeated', `verification method ${id} is listed twice`, `/didDocument/verificationMethod/${index}/id`);
    ids.add(id);
  });
  for (const relationship of RELATIONSHIPS) {
    const entries = document[relationship];
    if (entries === undefined) continue;
    if (!Array.isArray(entries)) throw refuse.invalid('relationship-not-array', `didDocument.${relationship} must be an array`, `/didDocument/${relationship}`);
    entries.forEach((entry, index) => {
      const pointer = `/didDocument/${relationship}/${index}`;
      if (typeof entry === 'string') {
        if (!ids.has(entry)) throw refuse.invalid('verification-method-unknown', `${relationship} names ${entry}, which is not a verification method of ${did}`, pointer);
      } else {
        checkMethod(did, entry, pointer);
      }
    });
  }
  const assertion = document.assertionMethod;
  if (!Array.isArray(assertion) || assertion.length === 0) {
    throw refuse.invalid('no-assertion-method', 'didDocument.assertionMethod must name at least one verification method: the keys that sign its credentials', '/didDocument/assertionMethod');
  }
  return document;
}

/**
 * What a DID URL dereferences to in a DID document: the document for the bare DID, the
 * verification method (with the document's @context) for `did#fragment`, null for anything else.
 * This is what the offline document loader serves for a registered issuer.
 */
export function dereference(document: JsonDocument, didUrl: string): JsonDocument | null {
  const did = document.id;
  if (typeof did !== 'string') return null;
  if (didUrl === did) return document;
  if (!didUrl.startsWith(`${did}#`)) return null;
  const candidates = [document.verificationMethod, ...RELATIONSHIPS.map((r) => document[r])].flatMap((list) => (Array.isArray(list) ? list : []));
  const method = candidates.find((entry): entry is JsonDocument => isObject(entry) && entry.id === didUrl);
  return method ? { '@context': document['@context'], ...method } : null;
}
