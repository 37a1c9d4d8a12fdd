import { ConversionTable } from './credit-units';
import { GradeInput } from './grades';
import { LearnerItem } from './learner-item.types';
import { Quantity, RationalInput } from './rational';

export type Grant =
  | { as: 'course'; courseId: string; credits?: RationalInput }
  | { as: 'elective'; credits?: RationalInput; field?: string; tags?: string[] };

/** External course or credential -> internal course or elective credit. */
export interface Equivalency {
  id: string;
  match: { issuer?: string; code: string; kind?: 'course' | 'credential' };
  grant: Grant;
  minGrade?: GradeInput;
  /** 2.x: this equivalency applies only to evidence assessed with the learner's identity verified (IDENTITY_NOT_VERIFIED). */
  identityVerifiedRequired?: boolean;
  /** 2.x: this equivalency applies only to evidence assessed by one of these methods (ASSESSMENT_NOT_ACCEPTED). */
  assessmentTypes?: string[];
  /** 2.x: when a transfer cap binds and two allocations help the program equally, higher priority is granted first (default 0). */
  priority?: number;
}

/**
 * 2.x: how a kind of credential is recognised: as a whole (through an equivalency matching its
 * code, or as elective credit; its component courses then count only through it) or through its
 * components (the credential itself grants no credit; its courses are evaluated one by one).
 * Never both. Without a rule: as a whole when an equivalency matches the credential's code, else
 * through its components.
 */
export interface CredentialRule {
  id: string;
  match: { issuer?: string; code?: string; type?: string };
  recognize: 'whole' | 'components';
  /** Components count only while the credential is complete (and not revoked); for this credential only. */
  completeRequired?: boolean;
  /** As for equivalencies: the cap's tie-break (default 0). */
  priority?: number;
}

/** A receiving institution's versioned, effective-dated recognition policy. Plain JSON. */
export interface RecognitionPolicy {
  id: string;
  version: string;
  effectiveFrom: string;
  effectiveTo?: string;
  receivingInstitution: string;
  programId?: string;
  /** The receiving institution's credit unit; granted credits are expressed in it. */
  creditUnit: string;
  acceptedIssuers: string[];
  equivalencies?: Equivalency[];
  /** 2.x: whole-credential or component recognition per kind of credential. */
  credentials?: CredentialRule[];
  /** What happens to accepted evidence with no equivalency: deny (default) or grant elective credit. */
  unmatched?: 'deny' | 'elective';
  minGrade?: GradeInput;
  /** Letter grade -> lowest percent, if this policy reads letters differently. */
  letterGrades?: Record<string, string>;
  maxAgeYears?: number;
  /** Accepted levels (e.g. ["EQF7"]); evidence at another level is a level mismatch. */
  levels?: string[];
  /** 2.x: evidence whose field is one of these is not credited (FIELD_EXCLUDED), e.g. "no transfer credit for supply-chain courses". */
  excludeFields?: string[];
  /** 2.x: only evidence assessed with the learner's identity verified counts (IDENTITY_NOT_VERIFIED). */
  identityVerifiedRequired?: boolean;
  /** 2.x: accepted assessment types (e.g. ["proctored-exam"]); others are ASSESSMENT_NOT_ACCEPTED; evidence that does not say is refused too. */
  assessmentTypes?: string[];
  /**
   * 2.x: only evidence from a presented, verified credential counts (VERIFICATION_REQUIRED):
   * credit typed into the records API by an issuer is refused.
   */
  requireVerified?: boolean;
  /** 2.x: a verified credential whose revocation status could not be established (`unknown`) is refused (STATUS_UNKNOWN). */
  refuseUnknownStatus?: boolean;
  /** 2.x: verified credentials count only when signed by one of these issuer DIDs (ISSUER_DID_NOT_ACCEPTED). */
  acceptedIssuerDids?: string[];
  /** ECTS value per unit, overriding the default table. */
  conversion?: ConversionTable;
  conversionTableId?: string;
  transferCap?: { maxCredits?: RationalInput; maxFraction?: RationalInput; programTotalCredits?: RationalInput };
  completeCredentialRequired?: boolean;
  admissionRequired?: boolean;
}

/** A completed external course or an awarded credential submitted as evidence. */
export interface RecognitionEvidence {
  id: string;
  kind: 'course' | 'credential';
  issuer: string;
  code: string;
  title?: string;
  credits: RationalInput;
  /** Unit of `credits` (Open Badges carry none: record the issuer's declaration here). */
  unit: string;
  level?: string;
  field?: string;
  grade?: GradeInput;
  /** Completion or award date, YYYY-MM-DD. */
  date: string;
  /** 2.x: was the learner's identity verified at assessment? (undefined: not stated) */
  identityVerified?: boolean;
  /** 2.x: how it was assessed (records' assessment type, e.g. "proctored-exam"). */
  assessmentType?: string;
  /** The credential itself (kind credential) or the one this course belongs to. */
  credential?: { id: string; code?: string; type?: string; complete: boolean };
  tags?: string[];
  evidenceEventId?: string;
  /** 2.x: set when the evidence is a presented, verified credential: who signed it and its revocation status then. */
  verification?: { issuerDid: string; status: 'not-revoked' | 'revoked' | 'suspended' | 'unknown' | 'none'; format: string };
}

export interface RecognitionContext {
  referenceDate: string;
  admitted?: boolean;
  /** Program size, for a cap given as a fraction (if the policy does not state it). */
  programTotalCredits?: RationalInput;
  /** Credit already recognized for this learner toward this program (counts against the cap). */
  alreadyRecognized?: { evidenceId?: string; issuer?: string; code?: string; credits: RationalInput; unit?: string }[];
  /** The engine version whose behaviour to reproduce (default: the current one). */
  engineVersion?: string;
}

export type ReasonCode =
  | 'EQUIVALENT_COURSE'
  | 'ELECTIVE_CREDIT'
  | 'POLICY_NOT_EFFECTIVE'
  | 'ADMISSION_REQUIRED'
  | 'ISSUER_NOT_ACCEPTED'
  | 'UNIT_UNKNOWN'
  | 'CREDENTIAL_INCOMPLETE'
  | 'LEVEL_MISMATCH'
  | 'GRADE_MISSING'
  | 'BELOW_MIN_GRADE'
  | 'TOO_OLD'
  | 'NO_EQUIVALENCY'
  | 'ALREADY_RECOGNIZED'
  | 'DUPLICATE_EVIDENCE'
  | 'CAP_EXCEEDED'
  | 'RECOGNIZED_THROUGH_COMPONENTS'
  | 'COUNTED_IN_CREDENTIAL'
  | 'PATHWAY_CREDENTIAL'
  | 'NO_CREDIT'
  | 'FIELD_EXCLUDED'
  | 'IDENTITY_NOT_VERIFIED'
  | 'ASSESSMENT_NOT_ACCEPTED'
  | 'VERIFICATION_REQUIRED'
  | 'STATUS_UNKNOWN'
  | 'ISSUER_DID_NOT_ACCEPTED';

export interface RecognitionDecision {
  evidenceId: string;
  evidenceEventId?: string;
  /** 2.x adds `recognized`: accepted as evidence without credit of its own (a credential counted through its components, a pathway credential, a zero-credit equivalency). */
  decision: 'granted' | 'partially-granted' | 'denied' | 'recognized';
  grantedAs: { as: 'course'; courseId: string } | { as: 'elective' } | null;
  equivalencyId?: string;
  /** Evidence credits converted into the policy's unit. */
  creditsOffered: Quantity;
  creditsGranted: Quantity;
  reasons: ReasonCode[];
  messages: string[];
}

export interface RecognitionEvaluation {
  engineVersion: string;
  policy: { id: string; version: string; receivingInstitution: string };
  referenceDate: string;
  creditUnit: string;
  conversionTable: { id: string; ectsPerUnit: Record<string, string> };
  policyEffective: boolean;
  cap: { maxCredits: Quantity | null; alreadyUsed: Quantity; granted: Quantity; remaining: Quantity | null };
  decisions: RecognitionDecision[];
  totals: { granted: Quantity; grantedCount: number; partialCount: number; deniedCount: number; recognizedCount?: number };
  /** Granted credit as learner items, ready for evaluateProgram. */
  recognizedItems: LearnerItem[];
}
