import type { JsonObject } from './verifiable-credential.values';
import { DomainEvent } from '@app/kernel';
import { CredentialStatus, CredentialVerification, StatusListUsed, VerificationCheck } from './verifiable-credential.values';
import { CreditUnit, Grade } from './records.values';

/**
 * One achievement of a presented credential as recognition evidence: what the receiving side's
 * engine reads. Credit only when the credential states it with a unit that could be determined;
 * otherwise `credits` and `unit` are null and `noCreditReason` says why.
 */
export type PresentedAchievement = {
  /** Position among the credential's achievements (0 for an OB3 AchievementCredential). */
  index: number;
  achievementId: string | null;
  name: string;
  /** OB3 achievementType (Course, Certificate, MicroCredential, Badge, ...), or null. */
  achievementType: string | null;
  code: string | null;
  credits: string | null;
  unit: CreditUnit | null;
  noCreditReason: string | null;
  eqfLevel: number | null;
  field: string | null;
  grade: Grade | null;
  /** YYYY-MM-DD: the fact's date (occurred-at of the evidence). */
  achievedOn: string;
};

/**
 * A learner's signed credential, presented and verified (proof, validity, status, trusted issuer)
 * before it was recorded. The document is kept as presented, with its sha-256 digest (over its
 * RFC 8785 canonical JSON, or the compact JWT), the key that signed it and the status list that
 * was read, so that a reproduction re-verifies it exactly, after key rotation or list changes.
 */
export type VerifiableCredentialPresented = DomainEvent<
  'VerifiableCredentialPresented',
  {
    learnerId: string;
    vcId: string;
    presentedBy: string;
    presentedByRole: string;
    presentedOn: string;
    /** The date the verification checked validity against (YYYY-MM-DD or a timestamp). */
    referenceDate: string;
    digest: string;
    document: JsonObject | string;
    verification: CredentialVerification;
    achievements: PresentedAchievement[];
  }
>;

/**
 * The status of a presented credential checked again (a newer status list). A change to revoked
 * or suspended is an evidence change: decided requests that rest on it are flagged.
 */
export type VerifiableCredentialRechecked = DomainEvent<
  'VerifiableCredentialRechecked',
  {
    learnerId: string;
    vcId: string;
    recheckedBy: string;
    recheckedOn: string;
    previousStatus: CredentialStatus;
    status: CredentialStatus;
    statusList: StatusListUsed | null;
    checks: VerificationCheck[];
  }
>;
