import { InstitutionKey } from './institution-keys.decider';

export const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_V1_CONTEXT = 'https://w3id.org/security/multikey/v1';

/** did:web of an institution under the configured host: resolves to https://<host>/institutions/<id>/did.json. */
export const didWebOf = (host: string, institutionId: string): string => `did:web:${host}:institutions:${encodeURIComponent(institutionId)}`;

/**
 * The institution's did:web document: every key as a Multikey verification method (the one in
 * force first), all of them assertion methods (credentials signed before a rotation still
 * verify), and the did:key each key signs as in alsoKnownAs.
 */
export function didWebDocument(host: string, institutionId: string, keys: readonly InstitutionKey[]): Record<string, unknown> {
  const did = didWebOf(host, institutionId);
  const ordered = [...keys].reverse();
  const methods = ordered.map((k) => ({ id: `${did}#key-${k.sequence}`, type: 'Multikey', controller: did, publicKeyMultibase: k.publicKeyMultibase }));
  return {
    '@context': [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT],
    id: did,
    alsoKnownAs: ordered.map((k) => k.did),
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
    authentication: methods.slice(0, 1).map((m) => m.id),
  };
}
