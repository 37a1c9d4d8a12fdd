import { EvaluationRecord, ProgramSummary } from './evaluation-record';
import { ExceptionGranted, ItemDecision, RequestItem, RequestSubmitted, TransferRequestEvent } from './transfer-request.events';

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
};

export function evolveTransferRequest(state: TransferRequestState, event: TransferRequestEvent): TransferRequestState {
  switch (event.type) {
    case 'RequestSubmitted':
      return { ...state, status: 'submitted', request: event.data };
    case 'RequestEvaluated':
      return { ...state, status: 'evaluated', evaluation: event.data, programEvaluation: event.data.programEvaluation };
    case 'ItemsDecided':
      return { ...state, status: 'decided', decisions: event.data.items };
    case 'ExceptionGranted':
      return { ...state, exceptions: [...state.exceptions, event.data], programEvaluation: event.data.programEvaluation ?? state.programEvaluation };
    case 'RequestAppealed': {
      const { grounds, itemIds, appealedOn } = event.data;
      return { ...state, status: 'appealed', appeals: [...state.appeals, { grounds, itemIds, appealedOn }] };
    }
    case 'RequestRevised':
      return { ...state, status: 'revised', decisions: event.data.items };
    case 'RequestWithdrawn':
      return { ...state, status: 'withdrawn', withdrawal: { reason: event.data.reason, withdrawnOn: event.data.withdrawnOn } };
  }
}

export const itemsOf = (state: TransferRequestState): RequestItem[] => state.request?.items ?? [];
