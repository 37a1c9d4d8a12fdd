/**
 * What the verifier needs to know about trust, behind ports: the trusted-issuer registry (keys of
 * issuers that did:key alone does not give, whether an issuer is trusted, its credit unit) and the
 * registered status lists. The credentials context's registries implement them; tests use fakes.
 */

/** An active entry of the trusted-issuer registry. */
export interface TrustedIssuer {
  /** The issuer's DID (did:key, did:web, ...), as in the credential's `issuer` / `issuer.id`. */
  did: string;
  name: string;
  /** The institution of this system the issuer is (an issuing institution), if any. */
  institutionId: string | null;
  /** Its DID document: registered as given (did:web) or built from a registered publicKeyMultibase. */
  didDocument: Record<string, unknown>;
  /** Unit of OB3 `creditsAvailable`/`creditsEarned` when the credential does not state one. */
  creditUnit: string | null;
}

export interface TrustedIssuerDirectory {
  /** The active (not retired) entry for this DID, or null: the issuer is not trusted. */
  find(did: string): Promise<TrustedIssuer | null>;
}

/** A status list credential registered earlier (POST /status-lists), verified when registered. */
export interface RegisteredStatusList {
  id: string;
  /** URLs it answers for: the list credential's own `id` and the URL it was registered under. */
  urls: string[];
  credential: Record<string, unknown>;
  /** sha-256 (hex) of the list credential's canonical JSON. */
  digest: string;
  registeredAt: string;
  validFrom: string | null;
  validUntil: string | null;
}

export interface StatusListDirectory {
  /** The registered list answering for this URL (a status entry's `statusListCredential`), or null. */
  find(url: string): Promise<RegisteredStatusList | null>;
}

export const TRUSTED_ISSUERS = Symbol('TrustedIssuerDirectory');
export const STATUS_LISTS = Symbol('StatusListDirectory');
