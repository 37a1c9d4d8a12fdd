import { refuse } from '@app/kernel';
import { cmp, tryParseRational, ZERO } from '@app/requirements';
import { ItemDecisionInput } from './transfer-request.commands';
import { ItemDecision } from './transfer-request.events';
import { proposalsInForce, TransferRequestState } from './transfer-request.state';

/**
 * Validates a registrar's per-item decisions against the request: every item decided exactly
 * once, no item outside the request, credits exact (> 0 when granted, 0 when denied), and a
 * reason whenever the decision differs from the automatic proposal in force (outcome or credits):
 * the latest re-evaluation after an evidence change, else the evaluation at submission.
 */
export function itemDecisionsOf(inputs: ItemDecisionInput[], state: TransferRequestState): ItemDecision[] {
  const known = new Set((state.request?.items ?? []).map((i) => i.itemId));
  const proposals = new Map(proposalsInForce(state).map((p) => [p.itemId, p]));
  const seen = new Set<string>();
  const out = inputs.map((input, i): ItemDecision => {
    const at = `/items/${i}`;
    if (!known.has(input.itemId)) throw refuse.invalid('item-not-in-request', `item ${input.itemId} is not part of this request`, `${at}/itemId`);
    if (seen.has(input.itemId)) throw refuse.invalid('item-decided-twice', `item ${input.itemId} is decided more than once`, `${at}/itemId`);
    seen.add(input.itemId);
    const creditsText = input.credits ?? (input.outcome === 'denied' ? '0' : proposals.get(input.itemId)?.creditsGranted ?? '');
    const credits = tryParseRational(creditsText);
    if (!credits || cmp(credits, ZERO) < 0) throw refuse.invalid('invalid-credits', `credits must be an exact non-negative number, got "${creditsText}"`, `${at}/credits`);
    if (input.outcome === 'denied' && cmp(credits, ZERO) !== 0) throw refuse.invalid('denied-with-credits', 'a denied item grants no credits', `${at}/credits`);
    if (input.outcome !== 'denied' && cmp(credits, ZERO) === 0) throw refuse.invalid('granted-without-credits', `a ${input.outcome} item grants credits > 0`, `${at}/credits`);
    const proposal = proposals.get(input.itemId);
    const proposed = proposal ? tryParseRational(proposal.creditsGranted) : null;
    const differs = !proposal || proposal.decision !== input.outcome || !proposed || cmp(proposed, credits) !== 0;
    const overrideReason = input.overrideReason?.trim() ? input.overrideReason : null;
    if (differs && overrideReason === null) {
      throw refuse.invalid('override-reason-required', `the decision on ${input.itemId} differs from the proposal: give a reason`, `${at}/overrideReason`);
    }
    return {
      itemId: input.itemId,
      outcome: input.outcome,
      reasonCode: input.reasonCode,
      note: input.note ?? null,
      credits: creditsText,
      differsFromProposal: differs,
      overrideReason: differs ? overrideReason : null,
    };
  });
  const missing = [...known].filter((id) => !seen.has(id));
  if (missing.length > 0) throw refuse.invalid('items-undecided', `every item must be decided; missing: ${missing.join(', ')}`, '/items');
  return out;
}
