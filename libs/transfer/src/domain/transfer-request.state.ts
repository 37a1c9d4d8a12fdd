import { EvaluationRecord, ItemProposal, ProgramSummary } from './evaluation-record';
import { ExceptionGranted, ItemDecision, RequestEvidenceChanged, RequestItem, RequestRevised, RequestSubmitted, TransferRequestEvent } from './transfer-request.events';
import { DecisionStep, decisionStepOf, keptOrigin, StepAppeal } from './decision-step';

/** A decision in force on one item, with the step that took it (absent in states folded before steps were kept). */
export type DecisionInState = ItemDecision & { decidedIn?: DecisionStep };

/** An appeal, with its event's id and global position when the fold knew them. */
export type AppealInState = { grounds: string; itemIds: string[]; appealedOn: string; eventId?: string; position?: number };

export type RequestStatus = 'none' | 'submitted' | 'evaluated' | 'decided' | 'appealed' | 'revised' | 'withdrawn';

export interface TransferRequestState {
  status: RequestStatus;
  request: RequestSubmitted['data'] | null;
  evaluation: EvaluationRecord | null;
  /** The program evaluation in force: the automatic one, re-run after each exception. */
  programEvaluation: ProgramSummary | null;
  /**
   * The decisions in force, each with the step that took it: the decision, or the latest revision
   * that re-decided the item (a partial revision keeps the other items' decisions).
   */
  decisions: DecisionInState[] | null;
  exceptions: ExceptionGranted['data'][];
  appeals: AppealInState[];
  withdrawal: { reason: string | null; withdrawnOn: string } | null;
  /** Every evidence change flagged on the request, oldest first (each with its re-evaluation). */
  evidenceChanges: RequestEvidenceChanged['data'][];
  /** Causing event ids of the changes flagged since the last decision or revision: the request is flagged while non-empty. */
  openEvidenceChanges: string[];
}

export const initialTransferRequestState: TransferRequestState = {
  status: 'none',
  request: null,
  evaluation: null,
  programEvaluation: null,
  decisions: null,
  exceptions: [],
  appeals: [],
  withdrawal: null,
  evidenceChanges: [],
  openEvidenceChanges: [],
};

export function evolveTransferRequest(state: TransferRequestState, event: TransferRequestEvent): TransferRequestState {
  switch (event.type) {
    case 'RequestSubmitted':
      return { ...state, status: 'submitted', request: event.data };
    case 'RequestEvaluated':
      return { ...state, status: 'evaluated', evaluation: event.data, programEvaluation: event.data.programEvaluation };
    case 'ItemsDecided': {
      const step = decisionStepOf(state, event, event.data.decidedOn, null, null);
      return { ...state, status: 'decided', decisions: event.data.items.map((d) => ({ ...d, decidedIn: step })), openEvidenceChanges: [] };
    }
    case 'ExceptionGranted':
      return { ...state, exceptions: [...state.exceptions, event.data], programEvaluation: event.data.programEvaluation ?? state.programEvaluation };
    case 'RequestAppealed': {
      const { grounds, itemIds, appealedOn } = event.data;
      const at = { ...(event.id !== undefined ? { eventId: event.id } : {}), ...(event.position !== undefined ? { position: event.position } : {}) };
      return { ...state, status: 'appealed', appeals: [...state.appeals, { grounds, itemIds, appealedOn, ...at }] };
    }
    case 'RequestRevised':
      return { ...state, status: 'revised', decisions: revisedDecisions(state, event), openEvidenceChanges: [] };
    case 'RequestWithdrawn':
      return { ...state, status: 'withdrawn', withdrawal: { reason: event.data.reason, withdrawnOn: event.data.withdrawnOn } };
    case 'RequestEvidenceChanged':
      return {
        ...state,
        programEvaluation: event.data.reevaluation.programEvaluation,
        evidenceChanges: [...state.evidenceChanges, event.data],
        openEvidenceChanges: [...state.openEvidenceChanges, event.data.cause.eventId],
      };
  }
}

/**
 * The automatic evaluation in force: the latest re-evaluation after an evidence change, else the
 * evaluation at submission. A decision or revision is compared with its proposals.
 */
export const evaluationInForce = (state: TransferRequestState): TransferRequestState['evaluation'] =>
  state.evidenceChanges.at(-1)?.reevaluation ?? state.evaluation;

export const proposalsInForce = (state: TransferRequestState): ItemProposal[] => evaluationInForce(state)?.proposals ?? [];

/** Is the request flagged: evidence changed since its last decision or revision (or since its evaluation, when undecided)? */
export const isEvidenceChanged = (state: TransferRequestState): boolean => state.openEvidenceChanges.length > 0;

export const itemsOf = (state: TransferRequestState): RequestItem[] => state.request?.items ?? [];

/** The appeal a revision answers: the latest, while the request is under appeal. */
export function appealAnswered(state: TransferRequestState): StepAppeal | null {
  const appeal = state.status === 'appealed' ? state.appeals.at(-1) : undefined;
  if (!appeal) return null;
  return { eventId: appeal.eventId ?? null, position: appeal.position ?? null, grounds: appeal.grounds, itemIds: appeal.itemIds, appealedOn: appeal.appealedOn };
}

/**
 * The decisions in force after a revision: the items it re-decides, and the earlier decision of
 * every item it keeps, in the earlier order. A revision without `keptItems` (recorded before
 * partial revisions) re-decided every item: its items are the decisions, as they always were.
 */
function revisedDecisions(state: TransferRequestState, event: RequestRevised & { id?: string; position?: number }): DecisionInState[] {
  const step = decisionStepOf(state, event, event.data.revisedOn, event.data.note, appealAnswered(state));
  const revised = event.data.items.map((d): DecisionInState => ({ ...d, decidedIn: step }));
  if (event.data.keptItems === undefined || !state.decisions) return revised;
  const byId = new Map(revised.map((d) => [d.itemId, d]));
  const kept = state.decisions.map((d) => byId.get(d.itemId) ?? { ...d, decidedIn: d.decidedIn ?? keptOrigin(d.itemId, event.data.keptItems ?? []) });
  const known = new Set(state.decisions.map((d) => d.itemId));
  return [...kept, ...revised.filter((d) => !known.has(d.itemId))];
}
