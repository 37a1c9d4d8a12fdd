import { refuse } from '@app/kernel';
import { cmp, tryParseRational, ZERO } from '@app/requirements';
import { ItemDecisionInput } from './transfer-request.commands';
import { ItemDecision } from './transfer-request.events';
import { proposalsInForce, TransferRequestState } from './transfer-request.state';

/**
 * Validates a registrar's per-item decisions against the request: every item of `required`
 * decided (a decision: every item of the request; a revision: the items it must re-decide, see
 * revision-scope.ts), none twice, no item outside the request, credits exact (> 0 when granted, 0
 * when denied), and a reason whenever the decision differs from the automatic proposal in force
 * (outcome or credits): the latest re-evaluation after an evidence change, else the evaluation at
 * submission.
 */
export function itemDecisionsOf(inputs: ItemDecisionInput[], state: TransferRequestState, required: { itemIds: string[]; what: string }): ItemDecision[] {
  const known = new Set((state.request?.items ?? []).map((i) => i.itemId));
  const proposals = new Map(proposalsInForce(state).map((p) => [p.itemId, p]));
  const seen = new Set<string>();
  const out = inputs.map((input, i): ItemDecision => {
    const at = `/items/${i}`;
    if (!known.has(input.itemId)) throw refuse.invalid('item-not-in-request', `item ${input.itemId} is not part of this request`, `${at}/itemId`);
    if (seen.has(input.itemId)) throw refuse.invalid('item-decided-twice', `item ${input.itemId} is decided more than once`, `${at}/itemId`);
    seen.add(input.itemId);
    const proposal = proposals.get(input.itemId);
    const noCredit = input.outcome === 'denied' || input.outcome === 'recognized';
    const creditsText = input.credits ?? (noCredit ? '0' : proposal?.creditsGranted ?? '');
    const credits = tryParseRational(creditsText);
    if (!credits || cmp(credits, ZERO) < 0) throw refuse.invalid('invalid-credits', `credits must be an exact non-negative number, got "${creditsText}"`, `${at}/credits`);
    if (input.outcome === 'denied' && cmp(credits, ZERO) !== 0) throw refuse.invalid('denied-with-credits', 'a denied item grants no credits', `${at}/credits`);
    if (input.outcome === 'recognized' && cmp(credits, ZERO) !== 0) throw refuse.invalid('recognized-with-credits', 'a recognized item is accepted without credit of its own: decide it granted to give credits', `${at}/credits`);
    const proposed = proposal ? tryParseRational(proposal.creditsGranted) : null;
    // a proposal of granted 0 (engine 1.x, e.g. evidence worth no credits) can be decided as proposed
    const asProposedZero = proposal?.decision === input.outcome && proposed !== null && cmp(proposed, ZERO) === 0;
    if (!noCredit && cmp(credits, ZERO) === 0 && !asProposedZero) {
      throw refuse.invalid('granted-without-credits', `a ${input.outcome} item grants credits > 0 (decide it recognized to accept it without credit)`, `${at}/credits`);
    }
    const grantedAs = input.outcome === 'denied' ? null : input.grantedAs ?? proposal?.grantedAs ?? { as: 'elective' as const };
    if (input.grantedAs && input.outcome === 'denied') throw refuse.invalid('denied-granted-as', 'a denied item counts as nothing', `${at}/grantedAs`);
    const sameAs = JSON.stringify(grantedAs) === JSON.stringify(proposal?.decision === 'denied' ? null : proposal?.grantedAs ?? null);
    const differs = !proposal || proposal.decision !== input.outcome || !proposed || cmp(proposed, credits) !== 0 || (input.grantedAs !== undefined && !sameAs);
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
      grantedAs,
    };
  });
  const missing = required.itemIds.filter((id) => !seen.has(id));
  if (missing.length > 0) throw refuse.invalid('items-undecided', `${required.what} must be decided; missing: ${missing.join(', ')}`, '/items');
  return out;
}
