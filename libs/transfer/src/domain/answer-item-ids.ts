import { EvaluationRecord, ProgramSummary } from './evaluation-record';
import { TransferRequestState } from './transfer-request.state';

/**
 * One spelling per item in answers. The engine counts a request item's recognized credit as the
 * program item `recognized:<item id>` and records its claims so (RequestEvaluated, ExceptionGranted,
 * RequestEvidenceChanged keep that, and reproduction compares it as recorded); every answer names
 * the request item itself, `completion:<id>` or `credential:<id>`, as the request, its proposals and
 * decisions, the ledger and eligibility do. Pure views: nothing stored changes.
 */
const RECOGNIZED = 'recognized:';

export const answerItemId = (id: string): string => (id.startsWith(RECOGNIZED) ? id.slice(RECOGNIZED.length) : id);

export function programSummaryAnswer<P extends ProgramSummary | null | undefined>(summary: P): P {
  if (!summary || !Array.isArray(summary.claims)) return summary;
  return { ...summary, claims: summary.claims.map((c) => ({ ...c, itemId: answerItemId(c.itemId) })) };
}

export function evaluationAnswer<E extends EvaluationRecord | null>(record: E): E {
  if (!record) return record;
  return { ...record, programEvaluation: programSummaryAnswer(record.programEvaluation) };
}

/** A request's state as answers show it: every program evaluation's claims name request items. */
export function requestStateAnswer<S extends TransferRequestState>(state: S): S {
  return {
    ...state,
    evaluation: evaluationAnswer(state.evaluation),
    programEvaluation: programSummaryAnswer(state.programEvaluation),
    exceptions: state.exceptions.map((x) => (x.programEvaluation ? { ...x, programEvaluation: programSummaryAnswer(x.programEvaluation) } : x)),
    evidenceChanges: state.evidenceChanges.map((c) => ({ ...c, reevaluation: evaluationAnswer(c.reevaluation) })),
  };
}
