import { TransferRequestState } from './transfer-request.state';

/**
 * The items a revision must re-decide: every item the appeal under way contests (an appeal naming
 * no item contests the whole decision: every item), and every item whose evidence changed since
 * the last decision or revision (the open RequestEvidenceChanged flags it clears). Any other item
 * of the request may be re-decided too (a registrar correcting more than was contested) or left
 * out: it keeps the decision in force, and the revision says so (`keptItems`).
 */
export function revisionScope(state: TransferRequestState): { itemIds: string[]; what: string } {
  const all = (state.request?.items ?? []).map((i) => i.itemId);
  const appeal = state.status === 'appealed' ? state.appeals.at(-1) : undefined;
  const open = new Set(state.openEvidenceChanges);
  const changed = new Set(state.evidenceChanges.filter((c) => open.has(c.cause.eventId)).flatMap((c) => c.affectedItems));
  const contested = appeal ? (appeal.itemIds.length === 0 ? all : appeal.itemIds) : [];
  const required = new Set([...contested, ...changed]);
  const what = appeal && appeal.itemIds.length === 0
    ? 'every item (the appeal names none: it contests the whole decision)'
    : appeal && changed.size > 0
      ? 'every item the appeal contests or whose evidence changed'
      : appeal
        ? 'every item the appeal contests'
        : 'every item whose evidence changed';
  return { itemIds: all.filter((id) => required.has(id)), what };
}
