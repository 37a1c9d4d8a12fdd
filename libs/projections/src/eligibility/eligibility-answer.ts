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
  totalCredits: { have: string; need: string; satisfied: boolean };
  admission: { required: boolean; admitted: boolean; satisfied: boolean };
  residency: {
    outcome: 'standard' | 'reduced';
    pathway: { id: string; label: string | null } | null;
    months: number | null;
    terms: number | null;
    standard: { months: number | null; terms: number | null };
    reasons: string[];
  };
  recognized: { itemId: string; title: string; decision: string; creditsGranted: string; unit: string; reasons: string[] }[];
  missing: { rulePath: string; message: string }[];
  explanation: string[];
}

/** What is stored in a progress row: the answer without the per-query fields. */
export type EvaluatedEligibility = Omit<EligibilityAnswer, 'source' | 'upToPosition'>;
