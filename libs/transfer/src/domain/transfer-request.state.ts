import { EvaluationRecord, ItemProposal, ProgramSummary } from './evaluation-record';
import { ExceptionGranted, ItemDecision, RequestEvidenceChanged, RequestItem, RequestSubmitted, TransferRequestEvent } from './transfer-request.events';

export type RequestStatus = 'none' | 'submitted' | 'evaluated' | 'decided' | 'appealed' | 'revised' | 'withdrawn';

export interface TransferRequestState {
  status: RequestStatus;
  request: RequestSubmitted['data'] | null;
  evaluation: EvaluationRecord | null;
  /** The program evaluation in force: the automatic one, re-run after each exception. */
  programEvaluation: ProgramSummary | null;
  /** The decisions in force (the revision's after a revision). */
  decisions: ItemDecision[] | null;
  exceptions: ExceptionGranted['data'][];
  appeals: { grounds: string; itemIds: string[]; appealedOn: string }[];
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
    case 'ItemsDecided':
      return { ...state, status: 'decided', decisions: event.data.items, openEvidenceChanges: [] };
    case 'ExceptionGranted':
      return { ...state, exceptions: [...state.exceptions, event.data], programEvaluation: event.data.programEvaluation ?? state.programEvaluation };
    case 'RequestAppealed': {
      const { grounds, itemIds, appealedOn } = event.data;
      return { ...state, status: 'appealed', appeals: [...state.appeals, { grounds, itemIds, appealedOn }] };
    }
    case 'RequestRevised':
      return { ...state, status: 'revised', decisions: event.data.items, openEvidenceChanges: [] };
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
