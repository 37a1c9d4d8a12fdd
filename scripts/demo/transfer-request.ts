/** The parts of GET /transfer-requests/:id that the demo reads (the full view is at /docs). */
export interface ItemProposal {
  itemId: string;
  decision: 'granted' | 'partially-granted' | 'denied' | 'recognized';
  grantedAs: { as: 'course'; courseId: string } | { as: 'elective' } | null;
  creditsGranted: string;
  unit: string;
  reasons: string[];
  messages: string[];
}

export interface ProgramSummary {
  result: 'satisfied' | 'partial' | 'unsatisfied';
  requirementsSatisfied: boolean;
  totalCredits: { have: string; need: string; satisfied: boolean };
  residency: { outcome: 'standard' | 'reduced'; pathway: string | null; months: number | null; terms: number | null };
  missing: { rulePath: string; message: string }[];
}

export interface TransferRequestView {
  requestId: string;
  status: string;
  revision: number;
  evaluation: {
    referenceDate: string;
    engineVersion: string;
    program: { programId: string; version: string };
    policy: { policyId: string; version: string };
    conversionTable: { id: string };
    evidenceRead: { position: number }[];
    proposals: ItemProposal[];
    totals: { granted: string; grantedCount: number; partialCount: number; deniedCount: number; recognizedCount?: number };
  } | null;
  programEvaluation: ProgramSummary | null;
  decisions: { itemId: string; outcome: string; reasonCode: string; credits: string }[] | null;
  events: { id: string; type: string; position: number }[];
}
