import { CredentialVerification, JsonObject } from '../domain/verifiable-credential.values';

/** What is given to verify: the credential (a JSON-LD document or a compact VC-JWT), status lists, a reference date. */
export interface CredentialVerificationInput {
  credential: JsonObject | string;
  /** Signed status list credentials to read status from (else the registered ones). */
  statusLists?: JsonObject[];
  /** Validity is checked at this date-time (ISO 8601); default now. */
  referenceDate?: string;
}

/**
 * The verifier of presented credentials, as the records context needs it. Implemented by the
 * credentials context (offline: shipped contexts, did:key, the trusted-issuer registry, status
 * lists given or registered) and bound in the app under CREDENTIAL_VERIFIER.
 */
export interface CredentialVerifierPort {
  verify(input: CredentialVerificationInput): Promise<CredentialVerification>;
}

export const CREDENTIAL_VERIFIER = Symbol('CredentialVerifier');
