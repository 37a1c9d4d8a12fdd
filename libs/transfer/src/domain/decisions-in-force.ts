import { ProgramException } from '@app/requirements';
import { GrantedAs, ItemOutcome } from './transfer-request.events';
import { TransferRequestState } from './transfer-request.state';

/** A registrar's decision on one piece of evidence that is in force (the latest decision or revision, the request not withdrawn). */
export interface DecisionInForce {
  requestId: string;
  itemId: string;
  kind: 'completion' | 'credential' | 'verifiable-credential';
  /** The completion or credential id the item names (a presented credential's vcId, `#<n>` for a CLR achievement). */
  refId: string;
  outcome: ItemOutcome;
  /** Exact, in `unit` (the receiving policy's unit). */
  credits: string;
  unit: string;
  /** What it counts as toward the program: the decision's, else the proposal's, else elective credit (null when denied). */
  grantedAs: GrantedAs | null;
  reasonCode: string;
  differsFromProposal: boolean;
  overrideReason: string | null;
  programVersion: string;
  /** The equivalency the proposal matched, and the policy version the request was evaluated under (what the grant carries: field, tags). */
  equivalencyId: string | null;
  policy: { policyId: string; version: string } | null;
  /** Evidence of this item changed since the decision (an open RequestEvidenceChanged names it): it binds until revised. */
  evidenceChanged: boolean;
}

/**
 * The decisions of a request that bind: every decided item of a request decided, under appeal or
 * revised (a revision's decisions replace the earlier ones of the items it re-decides; the items a
 * partial revision kept bind as decided before: the state's merge); none for a request withdrawn
 * or not yet decided. Pure: the ledger and eligibility both read decisions through it, so they cannot disagree.
 */
export function decisionsInForce(state: TransferRequestState): DecisionInForce[] {
  const request = state.request;
  if (!request || state.status === 'withdrawn' || !state.decisions) return [];
  const proposals = new Map((state.evaluation?.proposals ?? []).map((p) => [p.itemId, p]));
  const items = new Map(request.items.map((i) => [i.itemId, i]));
  const open = new Set(state.openEvidenceChanges);
  const changed = new Set(state.evidenceChanges.filter((c) => open.has(c.cause.eventId)).flatMap((c) => c.affectedItems));
  const policy = state.evaluation ? { policyId: state.evaluation.policy.policyId, version: state.evaluation.policy.version } : null;
  const out: DecisionInForce[] = [];
  for (const d of state.decisions) {
    const item = items.get(d.itemId);
    if (!item) continue;
    const proposal = proposals.get(d.itemId);
    const grantedAs = d.outcome === 'denied' ? null : d.grantedAs !== undefined ? d.grantedAs : proposal?.grantedAs ?? { as: 'elective' as const };
    out.push({
      requestId: request.requestId, itemId: d.itemId, kind: item.kind, refId: item.refId, outcome: d.outcome, credits: d.credits,
      unit: proposal?.unit ?? state.evaluation?.program.creditUnit ?? '', grantedAs, reasonCode: d.reasonCode,
      differsFromProposal: d.differsFromProposal, overrideReason: d.overrideReason, programVersion: request.programVersion,
      equivalencyId: proposal?.equivalencyId ?? null, policy, evidenceChanged: changed.has(d.itemId),
    });
  }
  return out;
}

/**
 * The exceptions a request's registrar granted (waivers, substitutions), as the engine takes them,
 * for a request not withdrawn. A substitution names the request item; `itemIdOf` maps it to the id
 * the evaluation gives that evidence (the request's own evaluation and eligibility alike:
 * `recognized:<item id>`, the item id `completion:<id>` or `credential:<id>`).
 */
export function exceptionsInForce(state: TransferRequestState, itemIdOf: (requestItemId: string, refId: string) => string): ProgramException[] {
  if (!state.request || state.status === 'withdrawn') return [];
  const refs = new Map(state.request.items.map((i) => [i.itemId, i.refId]));
  return state.exceptions.map((x): ProgramException =>
    x.kind === 'waive'
      ? { id: x.exceptionId, kind: 'waive', path: x.rulePath, programVersion: x.programVersion, reason: x.reason }
      : { id: x.exceptionId, kind: 'substitute', path: x.rulePath, programVersion: x.programVersion, itemId: itemIdOf(x.itemId ?? '', refs.get(x.itemId ?? '') ?? ''), reason: x.reason },
  );
}
