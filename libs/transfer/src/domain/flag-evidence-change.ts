import { refuse } from '@app/kernel';
import { FlagEvidenceChange } from './transfer-request.commands';
import { RequestEvidenceChanged } from './transfer-request.events';
import { evaluationInForce, TransferRequestState } from './transfer-request.state';

/** Statuses in which a request is flagged: a decision in force (decided, appealed, revised), or a proposal awaiting one (evaluated). */
export const FLAGGABLE_STATUSES: readonly string[] = ['evaluated', 'decided', 'appealed', 'revised'];

/**
 * FlagEvidenceChange: the reactor's command. Idempotent per causing event (a cause already
 * recorded decides nothing, so a replay after a crash appends nothing). Refused: an unknown
 * request (404), a withdrawn or not yet evaluated one (409), a change the evaluation in force
 * already read (409 `change-already-evaluated`: it is no change for this request), items outside
 * the request (400), a re-evaluation that is not of this request under its pinned program and
 * policy versions, or that does not propose once per item (400).
 */
export function flagEvidenceChange(c: FlagEvidenceChange, state: TransferRequestState): RequestEvidenceChanged[] {
  const request = state.request;
  if (request === null) throw refuse.notFound('request-not-found', 'no such transfer request');
  if (state.evidenceChanges.some((x) => x.cause.eventId === c.cause.eventId)) return [];
  if (state.status === 'withdrawn') throw refuse.conflict('request-withdrawn', 'the request was withdrawn');
  if (!FLAGGABLE_STATUSES.includes(state.status)) throw refuse.conflict('not-evaluated', 'the request has not been evaluated yet');
  const basis = evaluationInForce(state);
  if (basis && c.cause.position <= basis.learnerStream.lastPosition) {
    throw refuse.conflict('change-already-evaluated', `the evaluation in force read the learner stream up to position ${basis.learnerStream.lastPosition}, after ${c.cause.eventType} at ${c.cause.position}`);
  }
  const known = new Set(request.items.map((i) => i.itemId));
  if (c.affectedItems.length === 0) throw refuse.invalid('no-affected-items', 'an evidence change names the items it affects', '/affectedItems');
  c.affectedItems.forEach((id, i) => {
    if (!known.has(id)) throw refuse.invalid('item-not-in-request', `item ${id} is not part of this request`, `/affectedItems/${i}`);
  });
  const e = c.reevaluation;
  if (e.requestId !== request.requestId) throw refuse.invalid('evaluation-request-mismatch', `re-evaluation is for request ${e.requestId}`, '/reevaluation/requestId');
  if (e.program.programId !== request.programId || e.program.version !== request.programVersion) {
    throw refuse.invalid('evaluation-program-mismatch', `re-evaluation pins program ${e.program.programId}@${e.program.version}`, '/reevaluation/program');
  }
  if (basis && (e.policy.policyId !== basis.policy.policyId || e.policy.version !== basis.policy.version || e.referenceDate !== basis.referenceDate)) {
    throw refuse.invalid('evaluation-policy-mismatch', `a re-evaluation keeps the pinned policy ${basis.policy.policyId}@${basis.policy.version} and reference date ${basis.referenceDate}`, '/reevaluation/policy');
  }
  const proposed = new Set(e.proposals.map((p) => p.itemId));
  if (e.proposals.length !== known.size || proposed.size !== known.size || [...known].some((id) => !proposed.has(id))) {
    throw refuse.invalid('evaluation-items-mismatch', 'the re-evaluation must propose exactly one outcome per request item', '/reevaluation/proposals');
  }
  return [
    {
      type: 'RequestEvidenceChanged',
      data: {
        requestId: request.requestId,
        learnerId: request.learnerId,
        cause: c.cause,
        change: c.change,
        affectedItems: [...c.affectedItems],
        statusWhenFlagged: state.status,
        reevaluation: e,
        flaggedOn: c.flaggedOn,
      },
    },
  ];
}
