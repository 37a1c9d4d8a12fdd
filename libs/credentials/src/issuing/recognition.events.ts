import { DomainEvent, Json } from '@app/kernel';

/** A signed credential document as issued (JSON-LD, with its DataIntegrityProof). */
export type SignedCredential = { [key: string]: Json };

/**
 * A recognition credential issued for a decision (ItemsDecided or RequestRevised) of a transfer
 * request: the receiving institution to the learner. Its bytes are the ones served afterwards.
 */
export type RecognitionCredentialIssued = DomainEvent<
  'RecognitionCredentialIssued',
  {
    requestId: string;
    institutionId: string;
    credentialId: string;
    /** The decision event it states (its id), its type and time. */
    decision: { eventId: string; type: 'ItemsDecided' | 'RequestRevised'; on: string };
    keyId: string;
    statusListId: string;
    statusListIndex: number;
    credential: SignedCredential;
    issuedOn: string;
  }
>;

/** Its status bit set: the decision it stated was replaced (revision, re-decision) or the request withdrawn. */
export type RecognitionCredentialRevoked = DomainEvent<
  'RecognitionCredentialRevoked',
  {
    requestId: string;
    institutionId: string;
    credentialId: string;
    statusListId: string;
    statusListIndex: number;
    reason: 'decision-replaced' | 'request-withdrawn';
    /** The event that replaced the decision (or withdrew the request). */
    causeEventId: string;
    supersededBy: string | null;
    revokedOn: string;
  }
>;

export type RecognitionEvent = RecognitionCredentialIssued | RecognitionCredentialRevoked;

/** One stream per receiving institution: every credential it issued and revoked, so status-list indexes are allocated in one place. */
export const recognitionStream = (institutionId: string): string => `recognition-${institutionId}`;
export const RECOGNITION_EVENT_TYPES = ['RecognitionCredentialIssued', 'RecognitionCredentialRevoked'] as const;

/** A hosted status list per institution key: `<institutionId>.<key sequence>`. */
export const statusListIdOf = (institutionId: string, keySequence: number): string => `${institutionId}.${keySequence}`;
export function parseStatusListId(id: string): { institutionId: string; keySequence: number } | null {
  const m = /^(.+)\.([1-9][0-9]{0,5})$/.exec(id);
  return m ? { institutionId: m[1], keySequence: Number(m[2]) } : null;
}

/** Bits per hosted list: the Bitstring Status List minimum (16 KB), for herd privacy. */
export const STATUS_LIST_LENGTH = 131072;
