import { MissingEntry } from '@app/requirements';

/** An exact amount and its decimal rendering (two places), everywhere the API shows credits. */
export interface Amount {
  exact: string;
  decimal: string;
}

/** One piece of the learner's evidence and what counts of it: the registrar's decision in force, or the engine's proposal. */
export interface RecognizedEntry {
  itemId: string;
  title: string;
  decision: string;
  creditsGranted: Amount;
  unit: string;
  reasons: string[];
  /** decided: a registrar's decision in force binds (request `requestId`); proposed: the engine's proposal under the policy in effect, no decision yet. */
  basis: 'decided' | 'proposed';
  requestId: string | null;
  /** decided only: the decision differs from the engine's proposal (the registrar gave a reason). */
  override?: boolean;
  /** decided only: the evidence changed since the decision (e.g. the credential was revoked): it binds until the registrar revises it. */
  evidenceChanged?: boolean;
}

/**
 * Exceptions in an answer, each with where it was granted (`source`: on a request, or to the
 * learner; absent in progress rows projected before learner exceptions existed: all were on requests).
 */
export interface ExceptionsAnswer {
  applied: { id: string; kind: string; path: string; source?: 'request' | 'learner' }[];
  ignored: { id: string; path: string; reason: string; source?: 'request' | 'learner' }[];
}

/** The answer to "does this learner's stack satisfy that program, or its reduced-residency pathway, and why". */
export interface EligibilityAnswer {
  learnerId: string;
  programId: string;
  programVersion: string;
  institutionId: string;
  /** The requirement engine that evaluated it. */
  engineVersion: string;
  /** The date the answer is evaluated as of (YYYY-MM-DD). */
  referenceDate: string;
  /** projection: the stored progress row; live: evaluated now from the read models; what-if: with hypothetical changes; as-of: from the events up to a cut (asOf). */
  source: 'projection' | 'live' | 'what-if' | 'as-of';
  /** The read models reflect the store up to this global position (over Kafka: the highest applied, not gap-free). */
  upToPosition: number;
  policy: { policyId: string; version: string } | null;
  result: 'satisfied' | 'partial' | 'unsatisfied';
  requirementsSatisfied: boolean;
  totalCredits: { have: Amount; need: Amount; satisfied: boolean };
  admission: { required: boolean; admitted: boolean; satisfied: boolean };
  residency: {
    /** not-eligible: the program has no standard route (pathways only) and no pathway applies. */
    outcome: 'standard' | 'reduced' | 'not-eligible';
    pathway: { id: string; label: string | null } | null;
    months: number | null;
    terms: number | null;
    /** null: the program has no standard route. */
    standard: { months: number | null; terms: number | null } | null;
    reasons: string[];
  };
  recognized: RecognizedEntry[];
  /** Completions of the receiving institution's own courses: taken here, counted as they are (no recognition). */
  home: { itemId: string; title: string; courseId: string; credits: Amount; unit: string; inResidence: boolean }[];
  /** What completes the program: each entry with `need` (what new learning completes it) and `notes` (why held items do not count). */
  missing: MissingEntry[];
  /** How `missing` completes the program (verified: adding it was evaluated and satisfies the program). */
  completion: { items: number; verified: boolean; needsException: boolean; exhaustive: boolean } | null;
  /** Exceptions granted on the learner's requests or to the learner: applied, or not applied with why (another catalog year, an unknown rule). */
  exceptions: ExceptionsAnswer;
  explanation: string[];
}

/** What is stored in a progress row: the answer without the per-query fields. */
export type EvaluatedEligibility = Omit<EligibilityAnswer, 'source' | 'upToPosition'>;
