/**
 * What a RequestEvaluated event records: everything the evaluation depended on (program,
 * policy, conversion table and engine versions; the evidence events it read, by id and global
 * position; the admission it read), and what it proposed. Plain JSON; credits as exact strings.
 */

/** An event the evaluation read, by id and global position. */
export type EvidenceRead = {
  /** The request item this event is the evidence of (null for supporting reads, e.g. admission). */
  itemId: string | null;
  kind: 'completion' | 'credential' | 'verifiable-credential' | 'admission';
  /** For a presented credential, its vcId (without the achievement index): a re-check names it so. */
  refId: string;
  stream: string;
  eventId: string;
  position: number;
  eventType: string;
};

export type ItemProposal = {
  itemId: string;
  /** Engine 2.x adds `recognized`: accepted without credit of its own (e.g. a pathway credential counted through its components). */
  decision: 'granted' | 'partially-granted' | 'denied' | 'recognized';
  grantedAs: { as: 'course'; courseId: string } | { as: 'elective' } | null;
  equivalencyId: string | null;
  /** In the receiving policy's unit, exact ("8", "4/3"). */
  creditsOffered: string;
  creditsGranted: string;
  unit: string;
  reasons: string[];
  messages: string[];
};

export type ProgramSummary = {
  result: 'satisfied' | 'partial' | 'unsatisfied';
  requirementsSatisfied: boolean;
  totalCredits: { have: string; need: string; satisfied: boolean };
  admission: { required: boolean; admitted: boolean; satisfied: boolean };
  residency: {
    defined: boolean;
    /** not-eligible (engine 2.x): the program has no standard route and no pathway applies. */
    outcome: 'standard' | 'reduced' | 'not-eligible';
    pathway: string | null;
    satisfied: boolean | null;
    months: number | null;
    terms: number | null;
  };
  claims: { itemId: string; rulePath: string; credits: string }[];
  missing: { rulePath: string; message: string }[];
  /** Exceptions (waivers, substitutions) the engine applied or ignored, with why. */
  exceptions: { applied: { id: string; kind: string; path: string }[]; ignored: { id: string; path: string; reason: string }[] };
};

export type EvaluationRecord = {
  requestId: string;
  /** The "now" of the evaluation: the submission date. */
  referenceDate: string;
  engineVersion: string;
  program: { programId: string; version: string; creditUnit: string; totalCredits: string };
  policy: { policyId: string; version: string; effectiveFrom: string; effectiveTo: string | null };
  conversionTable: { id: string; ectsPerUnit: { [unit: string]: string } };
  admitted: boolean;
  /** The learner stream as read: its revision and the global position of its last event. */
  learnerStream: { stream: string; revision: number; lastPosition: number };
  evidenceRead: EvidenceRead[];
  proposals: ItemProposal[];
  totals: { granted: string; grantedCount: number; partialCount: number; deniedCount: number };
  programEvaluation: ProgramSummary;
};
