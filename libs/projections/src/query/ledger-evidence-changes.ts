import { add, cmp, parseRational, Quantity, Rational, sub, toQuantity, ZERO } from '@app/requirements';
import { describeEvidenceChange, EvaluationRecord, EvidenceChangeCause, EvidenceChangeKind, ItemProposal, TransferRequestState } from '@app/transfer';

type Proposal = Pick<ItemProposal, 'decision' | 'creditsGranted' | 'reasons' | 'messages'>;

/** How a ledger entry stands after evidence changed under its decision (RequestEvidenceChanged), until the registrar re-decides. */
export interface LedgerEntryEvidenceChange {
  /** True when the item's own evidence changed; false when only its proposal moved (e.g. a transfer cap freed by another item). */
  affected: boolean;
  /** The open changes naming this item: the causing event (id, type, stream, position) and what changed. */
  changes: { cause: EvidenceChangeCause; change: EvidenceChangeKind; description: string }[];
  /** The evidence events of the item as the latest re-evaluation read them (the new evidence). */
  evidence: { stream: string; eventId: string; position: number; eventType: string }[];
  /** The proposal the decision in force was made against, and the proposal now. */
  proposalBefore: Proposal | null;
  proposalNow: Proposal | null;
  /** The item re-decided as now proposed: its outcome and credits, and the change in credits (now minus decided). */
  ifRedecidedAsProposed: { outcome: string; credits: Quantity; effect: Quantity } | null;
}

/** The ledger-wide view: which requests are flagged, and the totals if their changed items were re-decided as now proposed. */
export interface LedgerEvidenceChanges {
  requests: { requestId: string; openChanges: { cause: EvidenceChangeCause; change: EvidenceChangeKind; description: string }[] }[];
  /** Credits recognized per unit if every marked entry were re-decided as now proposed (others as decided). */
  totalsIfRedecided: Record<string, Quantity>;
  /** totalsIfRedecided minus the totals now, per unit (negative: credit would be lost). */
  effect: Record<string, Quantity>;
}

/** What a ledger entry needs here (a stored row or an as-of one). */
export interface MarkableEntry {
  requestId: string;
  itemId: string;
  outcome: string;
  credits: string;
  unit: string;
}

const grantedCredits = (outcome: string, credits: string): Rational => (outcome === 'denied' ? ZERO : parseRational(credits));
const proposalOf = (p: ItemProposal | undefined): Proposal | null => (p ? { decision: p.decision, creditsGranted: p.creditsGranted, reasons: [...p.reasons], messages: [...p.messages] } : null);
function sameProposal(a: Proposal | null, b: Proposal | null): boolean {
  if (a === null || b === null) return a === b;
  return a.decision === b.decision && cmp(parseRational(a.creditsGranted), parseRational(b.creditsGranted)) === 0;
}

/** The evaluation the decision in force was compared with: the last re-evaluation before the open changes, else the evaluation at submission. */
function evaluationBefore(state: TransferRequestState): EvaluationRecord | null {
  const open = new Set(state.openEvidenceChanges);
  return state.evidenceChanges.filter((c) => !open.has(c.cause.eventId)).at(-1)?.reevaluation ?? state.evaluation;
}

/** The mark of one entry of a flagged request (null when neither its evidence nor its proposal changed). */
export function entryEvidenceChange(state: TransferRequestState, entry: MarkableEntry): LedgerEntryEvidenceChange | null {
  const open = state.evidenceChanges.filter((c) => state.openEvidenceChanges.includes(c.cause.eventId));
  const now = open.at(-1)?.reevaluation;
  if (!now) return null;
  const naming = open.filter((c) => c.affectedItems.includes(entry.itemId));
  const proposalBefore = proposalOf(evaluationBefore(state)?.proposals.find((p) => p.itemId === entry.itemId));
  const proposalNow = proposalOf(now.proposals.find((p) => p.itemId === entry.itemId));
  if (naming.length === 0 && sameProposal(proposalBefore, proposalNow)) return null;
  const nowCredits = proposalNow ? grantedCredits(proposalNow.decision, proposalNow.creditsGranted) : null;
  return {
    affected: naming.length > 0,
    changes: naming.map((c) => ({ cause: c.cause, change: c.change, description: describeEvidenceChange(c.change) })),
    evidence: now.evidenceRead.filter((r) => r.itemId === entry.itemId).map((r) => ({ stream: r.stream, eventId: r.eventId, position: r.position, eventType: r.eventType })),
    proposalBefore,
    proposalNow,
    ifRedecidedAsProposed:
      proposalNow && nowCredits
        ? { outcome: proposalNow.decision, credits: toQuantity(nowCredits), effect: toQuantity(sub(nowCredits, grantedCredits(entry.outcome, entry.credits))) }
        : null,
  };
}

/**
 * Marks the entries of flagged requests (`states`: request id -> state, only requests with open
 * evidence changes) and sums the effect on the totals if the marked entries were re-decided as
 * now proposed. Null summary when no request of the ledger is flagged.
 */
export function markEvidenceChanges<E extends MarkableEntry>(entries: readonly E[], states: ReadonlyMap<string, TransferRequestState>): { entries: (E & { evidenceChange: LedgerEntryEvidenceChange | null })[]; evidenceChanges: LedgerEvidenceChanges | null } {
  const totals = new Map<string, Rational>();
  const effects = new Map<string, Rational>();
  const marked = entries.map((entry) => {
    const granted = grantedCredits(entry.outcome, entry.credits);
    totals.set(entry.unit, add(totals.get(entry.unit) ?? ZERO, granted));
    const state = states.get(entry.requestId);
    const evidenceChange = state ? entryEvidenceChange(state, entry) : null;
    if (evidenceChange?.ifRedecidedAsProposed) {
      effects.set(entry.unit, add(effects.get(entry.unit) ?? ZERO, sub(parseRational(evidenceChange.ifRedecidedAsProposed.credits.exact), granted)));
    }
    return { ...entry, evidenceChange };
  });
  const flagged = [...new Set(entries.map((e) => e.requestId))].filter((id) => (states.get(id)?.openEvidenceChanges.length ?? 0) > 0).sort();
  if (flagged.length === 0) return { entries: marked, evidenceChanges: null };
  const units = [...totals.keys()];
  return {
    entries: marked,
    evidenceChanges: {
      requests: flagged.map((requestId) => {
        const state = states.get(requestId) as TransferRequestState;
        const openChanges = state.evidenceChanges.filter((c) => state.openEvidenceChanges.includes(c.cause.eventId));
        return { requestId, openChanges: openChanges.map((c) => ({ cause: c.cause, change: c.change, description: describeEvidenceChange(c.change) })) };
      }),
      totalsIfRedecided: Object.fromEntries(units.map((u) => [u, toQuantity(add(totals.get(u) ?? ZERO, effects.get(u) ?? ZERO))])),
      effect: Object.fromEntries(units.map((u) => [u, toQuantity(effects.get(u) ?? ZERO)])),
    },
  };
}
