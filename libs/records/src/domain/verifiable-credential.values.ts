import type { Json } from '@app/kernel';
import { CreditUnit } from './records.values';

/**
 * What a verification of a presented credential (Open Badges 3.0, W3C VC, CLR 2.0, VC-JWT) says,
 * as the records context keeps it. The verifier itself lives in the credentials context, behind
 * the CredentialVerifier port (application/credential-verifier.port.ts); this is its answer.
 */
/** A JSON object as the store keeps it (a credential document). */
export type JsonObject = { [key: string]: Json };

export const VERIFICATION_CHECKS = ['proof', 'issuer', 'status', 'validity', 'schema'] as const;
export type VerificationCheckName = (typeof VERIFICATION_CHECKS)[number];
export type VerificationCheck = { check: VerificationCheckName; outcome: 'passed' | 'failed' | 'unknown'; message: string };

export const CREDENTIAL_FORMATS = ['ob3', 'vc2', 'vc1', 'clr2', 'vc-jwt'] as const;
export type CredentialFormat = (typeof CREDENTIAL_FORMATS)[number];

/** Three outcomes for revocation, never two (plus `none`: the credential has no status entry). */
export const CREDENTIAL_STATUSES = ['not-revoked', 'revoked', 'suspended', 'unknown', 'none'] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

/** The status list a verification used: kept so that a later re-verification uses the same bits. */
export type StatusListUsed = { url: string; digest: string; obtainedAt: string; source: 'request' | 'registered' | 'fetched' };

/** One achievement the credential asserts, with its credit as the verifier could determine it. */
export type VerifiedAchievement = {
  /** The achievement's id (a URL or URN) as the credential names it, or null. */
  id: string | null;
  name: string;
  achievementType: string | null;
  /** OB3 `humanCode` (a course or program code, e.g. "SCM.SC1x"), or null. */
  code: string | null;
  fieldOfStudy: string | null;
  /** EQF level 1-8 when the credential states one (ELM, an alignment), else null. */
  eqfLevel: number | null;
  /**
   * `value` (decimal string) and `unit` are both null when the credential states no credit, or
   * states it without a unit that could be determined (`source` then says why): never guessed.
   */
  credits: { value: string | null; unit: string | null; source: string };
  /** The result (grade) as the credential states it, e.g. "A", "92", "Pass"; null when none. */
  result: string | null;
  /** When it was achieved (YYYY-MM-DD): the result's or the credential's validFrom / issuanceDate. */
  achievedOn: string | null;
};

export type CredentialVerification = {
  /** Proof, validity and status all passed, and the issuer is in the trusted-issuer registry. */
  verified: boolean;
  format: CredentialFormat;
  issuer: { id: string; name: string | null; trusted: boolean; institutionId: string | null };
  /** The verification method that signed it, and the sha-256 fingerprint (hex) of its public key. */
  key: { id: string | null; fingerprint: string | null };
  checks: VerificationCheck[];
  status: CredentialStatus;
  statusList: StatusListUsed | null;
  /** The credential subject's id (a DID or URN), or null. */
  subjectId: string | null;
  validFrom: string | null;
  validUntil: string | null;
  achievements: VerifiedAchievement[];
};

/** The receiving side's unit spelling for a credit unit as credentials state it, or null. */
export function creditUnitOf(unit: string | null): CreditUnit | null {
  if (unit === null) return null;
  const key = unit.trim().toUpperCase().replace(/[\s-]+/g, '_');
  const known: Record<string, CreditUnit> = {
    ECTS: 'ECTS',
    ECTS_CREDIT: 'ECTS',
    ECTS_CREDITS: 'ECTS',
    US_SEMESTER: 'US_SEMESTER',
    US_SEMESTER_CREDIT: 'US_SEMESTER',
    US_SEMESTER_CREDITS: 'US_SEMESTER',
    SEMESTER_CREDIT_HOURS: 'US_SEMESTER',
    US_QUARTER: 'US_QUARTER',
    US_QUARTER_CREDIT: 'US_QUARTER',
    QUARTER_CREDIT_HOURS: 'US_QUARTER',
    UK_CATS: 'UK_CATS',
    CATS: 'UK_CATS',
  };
  return known[key] ?? null;
}
