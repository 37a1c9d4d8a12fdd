import { DomainEvent } from '@app/kernel';
import { EvaluationRecord, ProgramSummary } from './evaluation-record';
import { EvidenceChangeCause, EvidenceChangeKind } from './evidence-change';

/** One piece of evidence named by a request: a completion or a credential of the learner. */
/** refId: the completion or credential id; for a presented credential its vcId (`<vcId>#<n>`: the n-th achievement of a CLR). */
export type RequestItem = { itemId: string; kind: 'completion' | 'credential' | 'verifiable-credential'; refId: string };

/** `recognized`: accepted as evidence without credit of its own (e.g. the credential that unlocks a pathway, counted through its components). */
export type ItemOutcome = 'granted' | 'partially-granted' | 'denied' | 'recognized';

/** What a granted or recognized item counts as in the program: an internal course, or elective credit. */
export type GrantedAs = { as: 'course'; courseId: string } | { as: 'elective' };

/** A registrar's decision on one item; `overrideReason` is set when it differs from the proposal. */
export type ItemDecision = {
  itemId: string;
  outcome: ItemOutcome;
  reasonCode: string;
  note: string | null;
  /** Credits granted in the receiving unit, exact ("0" when denied). */
  credits: string;
  differsFromProposal: boolean;
  overrideReason: string | null;
  /**
   * What the item counts as toward the program (absent in decisions recorded before it existed:
   * then the proposal's, or elective credit). Null when denied.
   */
  grantedAs?: GrantedAs | null;
};

export type RequestSubmitted = DomainEvent<
  'RequestSubmitted',
  {
    requestId: string;
    submitterInstitution: string;
    learnerId: string;
    receivingInstitution: string;
    programId: string;
    programVersion: string;
    items: RequestItem[];
    note: string | null;
    submittedOn: string;
  }
>;

export type RequestEvaluated = DomainEvent<'RequestEvaluated', EvaluationRecord>;

export type ItemsDecided = DomainEvent<'ItemsDecided', { requestId: string; decidedBy: string; items: ItemDecision[]; decidedOn: string }>;

export type ExceptionGranted = DomainEvent<
  'ExceptionGranted',
  {
    requestId: string;
    exceptionId: string;
    kind: 'waive' | 'substitute';
    rulePath: string;
    programId: string;
    programVersion: string;
    /** The substituting item (substitute only). */
    itemId: string | null;
    reason: string;
    grantedOn: string;
    /** The automatic program evaluation re-run with every exception granted so far (null if it could not run). */
    programEvaluation: ProgramSummary | null;
  }
>;

export type RequestAppealed = DomainEvent<'RequestAppealed', { requestId: string; grounds: string; itemIds: string[]; appealedOn: string }>;

/** Where a decision kept by a partial revision was taken: the decision or an earlier revision (its event id when the fold knew it). */
export type DecisionOrigin = { type: 'ItemsDecided' | 'RequestRevised'; eventId: string | null; on: string };

/**
 * A registrar's revision, after an appeal or while flagged by an evidence change. `items` are the
 * items it re-decides; `keptItems` the items it leaves as decided before, each naming where that
 * decision was taken (null if the fold did not know; absent on revisions recorded before partial
 * revisions existed: those re-decided every item, so nothing was kept).
 */
export type RequestRevised = DomainEvent<
  'RequestRevised',
  { requestId: string; items: ItemDecision[]; keptItems?: { itemId: string; decidedIn: DecisionOrigin | null }[]; note: string | null; revisedOn: string }
>;

export type RequestWithdrawn = DomainEvent<'RequestWithdrawn', { requestId: string; reason: string | null; withdrawnOn: string }>;

/**
 * Evidence a decision in force rests on (or the proposal of an evaluated request) changed in the
 * learner's record: a credential revoked, a completion regraded or withdrawn. Appended by the
 * transfer context's evidence-change reactor, once per causing event and request. It flags the
 * request (until the next decision or revision) and carries the request re-evaluated under the
 * new evidence with the same pinned program, policy, conversion table and reference date, on the
 * learner stream read up to the causing event, so the flag reproduces like an evaluation.
 */
export type RequestEvidenceChanged = DomainEvent<
  'RequestEvidenceChanged',
  {
    requestId: string;
    learnerId: string;
    /** The learner event that changed the evidence. */
    cause: EvidenceChangeCause;
    change: EvidenceChangeKind;
    /** The request items whose recorded evidence includes the changed completion or credential. */
    affectedItems: string[];
    /** The status of the request when it was flagged (decided, appealed, revised or evaluated). */
    statusWhenFlagged: string;
    reevaluation: EvaluationRecord;
    flaggedOn: string;
  }
>;

/**
 * What a fold knows of a recorded event's envelope: the event store's folds pass its id and global
 * position; a decider's own events (not recorded yet) have neither.
 */
export type EventEnvelope = { id?: string; position?: number };

export type TransferRequestEvent = (
  | RequestSubmitted
  | RequestEvaluated
  | ItemsDecided
  | ExceptionGranted
  | RequestAppealed
  | RequestRevised
  | RequestWithdrawn
  | RequestEvidenceChanged
) &
  EventEnvelope;
