import { CreditUnit } from './credit-units';
import { GradeInput } from './grades';
import { RationalInput } from './rational';

/** A credential reference carried by an item (the credential the completion belongs to). */
export interface CredentialRef {
  id: string;
  type?: string;
  code?: string;
}

/** One piece of the learner's record: a home completion or a recognized transfer credit. */
export interface LearnerItem {
  id: string;
  source: 'home' | 'transfer';
  /** Internal course this item is (home) or was recognized as (transfer); absent for elective credit. */
  courseId?: string;
  title?: string;
  /** The issuer's own code of the learning (e.g. "CTL.SC1x"), for explanations. */
  code?: string;
  credits: RationalInput;
  unit: CreditUnit;
  level?: string;
  field?: string;
  issuer?: string;
  grade?: GradeInput;
  /** Completion date, YYYY-MM-DD. */
  date: string;
  credentials?: CredentialRef[];
  tags?: string[];
  inResidence?: boolean;
  /** How it was assessed (records' assessment type, e.g. "proctored-exam"); undefined: not stated. */
  assessmentType?: string;
  /** Was the learner's identity verified at assessment? undefined: not stated. */
  identityVerified?: boolean;
  /** Event id (or global position) of the evidence, for tracing claims back. */
  evidenceEventId?: string;
}

/** A credential the learner holds (e.g. a MicroMasters); only complete ones unlock pathways. */
export interface HeldCredential {
  id: string;
  code?: string;
  /** For explanations. */
  title?: string;
  type?: string;
  issuer?: string;
  complete: boolean;
  awardedOn?: string;
  evidenceEventId?: string;
}

/** A registrar's exception bound to a rule path of one program version. */
export type ProgramException =
  | { id: string; kind: 'waive'; path: string; programVersion: string; reason?: string }
  | {
      id: string;
      kind: 'substitute';
      path: string;
      programVersion: string;
      /** The item that counts toward the rule although its filter would reject it. */
      itemId: string;
      reason?: string;
    };

export interface EvaluateProgramOptions {
  /** YYYY-MM-DD; the only notion of "now" in an evaluation. */
  referenceDate: string;
  credentialsHeld?: HeldCredential[];
  exceptions?: ProgramException[];
  admitted?: boolean;
  /** Residence already completed, for time-based residency requirements. */
  residenceCompleted?: { months?: number; terms?: number };
  /** Upper bound on exact feasibility checks while looking for the best partial assignment. */
  partialSearchBudget?: number;
  /** False: skip explaining what is missing (a search only needs the assignment's standing). Default true. */
  explain?: boolean;
  /** The engine version whose behaviour to reproduce (default: the current one). */
  engineVersion?: string;
  /**
   * A cap over some items, applied like a root limit (whole items; the search chooses which count):
   * how the recognition step's transfer cap takes part in the program search. Not part of the language.
   */
  capPool?: { itemIds: readonly string[]; maxCredits: RationalInput; unit: CreditUnit; label?: string };
}
