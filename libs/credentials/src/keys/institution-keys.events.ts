import { DomainEvent } from '@app/kernel';
import { EncryptedSecret } from './secret-key-encryption';

/** One signing key of an institution: Ed25519, as a did:key whose verification method is `keyId`. */
export type InstitutionKeyData = {
  institutionId: string;
  /** 1 for the first key, +1 per rotation; names the key's status list (`<institutionId>.<sequence>`). */
  sequence: number;
  did: string;
  /** The verification method: `<did>#<publicKeyMultibase>`. */
  keyId: string;
  publicKeyMultibase: string;
  /** The secret key (multibase), encrypted at rest: never in plaintext in the log. */
  secretKey: EncryptedSecret;
};

/** An institution's first signing key, generated on its first issuance or a first rotation. */
export type InstitutionKeyGenerated = DomainEvent<'InstitutionKeyGenerated', InstitutionKeyData & { generatedOn: string }>;

/** A new signing key replaces the one in force: later credentials and status lists are signed with it. */
export type InstitutionKeyRotated = DomainEvent<'InstitutionKeyRotated', InstitutionKeyData & { previousKeyId: string; reason: string | null; rotatedOn: string }>;

export type InstitutionKeyEvent = InstitutionKeyGenerated | InstitutionKeyRotated;

export const institutionKeysStream = (institutionId: string): string => `institutionkeys-${institutionId}`;
export const INSTITUTION_KEY_EVENT_TYPES = ['InstitutionKeyGenerated', 'InstitutionKeyRotated'] as const;
