import { ActorRef } from './actor';
import { EvaluationRecord, ProgramSummary } from './evaluation-record';
import { EvidenceChangeCause, EvidenceChangeKind } from './evidence-change';
import { GrantedAs, ItemOutcome, RequestItem } from './transfer-request.events';

export interface SubmitRequest {
  kind: 'SubmitRequest';
  actor: ActorRef;
  requestId: string;
  learnerId: string;
  receivingInstitution: string;
  programId: string;
  programVersion: string;
  items: RequestItem[];
  note: string | null;
  submittedOn: string;
}

/** The automatic evaluation, computed by the application layer with the engine. */
export interface RecordEvaluation {
  kind: 'RecordEvaluation';
  evaluation: EvaluationRecord;
}

/** Submission and its automatic evaluation, decided together and appended atomically. */
export interface SubmitAndEvaluate {
  kind: 'SubmitAndEvaluate';
  submit: SubmitRequest;
  evaluation: EvaluationRecord;
}

/** As the registrar sends it; the decider fills in `differsFromProposal`. */
export type ItemDecisionInput = {
  itemId: string;
  outcome: ItemOutcome;
  reasonCode: string;
  note?: string | null;
  credits?: string;
  overrideReason?: string | null;
  /** Default: what the proposal granted it as, else elective credit. */
  grantedAs?: GrantedAs;
};

export interface DecideItems {
  kind: 'DecideItems';
  actor: ActorRef;
  items: ItemDecisionInput[];
  decidedOn: string;
}

export interface GrantException {
  kind: 'GrantException';
  actor: ActorRef;
  exceptionId: string;
  exceptionKind: 'waive' | 'substitute';
  rulePath: string;
  itemId: string | null;
  reason: string;
  /** Rule paths of the request's program version (loaded by the application layer). */
  knownRulePaths: string[];
  /** The program evaluation re-run with this exception and the earlier ones (application layer). */
  programEvaluation: ProgramSummary | null;
  grantedOn: string;
}

export interface Appeal {
  kind: 'Appeal';
  actor: ActorRef;
  grounds: string;
  itemIds: string[];
  appealedOn: string;
}

export interface Revise {
  kind: 'Revise';
  actor: ActorRef;
  items: ItemDecisionInput[];
  note: string | null;
  revisedOn: string;
}

export interface Withdraw {
  kind: 'Withdraw';
  actor: ActorRef;
  reason: string | null;
  withdrawnOn: string;
}

/**
 * The evidence-change reactor's command (no actor: the system reacts to a learner event): flag the
 * request, with the re-evaluation computed by the application layer under the new evidence.
 */
export interface FlagEvidenceChange {
  kind: 'FlagEvidenceChange';
  cause: EvidenceChangeCause;
  change: EvidenceChangeKind;
  affectedItems: string[];
  reevaluation: EvaluationRecord;
  flaggedOn: string;
}

export type TransferRequestCommand = SubmitRequest | RecordEvaluation | SubmitAndEvaluate | DecideItems | GrantException | Appeal | Revise | Withdraw | FlagEvidenceChange;
