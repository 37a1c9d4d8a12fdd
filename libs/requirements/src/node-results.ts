import { CompiledNode, CompiledProgram, coveringLimits, intQuantity, unitsQuantity } from './compile-program';
import { Claims } from './claim-solver';
import { NodeEvaluation, NodeStatus, Progress } from './evaluation.types';
import { maxUnderCaps } from './capped-selection';
import { matchesFilter } from './filters';

export interface ObservedCheck {
  satisfied: boolean;
  /** Items (count checks) or scaled credit units (credit checks). */
  have: number;
  items: number[];
}

/**
 * Observing checks look at every matching item and consume nothing. Their own limits and their
 * ancestors' cap what they see like they cap claims: each limit applies to the items its filter
 * matches, whole items only, for both maxItems and maxCredits; the check sees the capped selection
 * that counts the most (exact).
 */
export function observeChecks(c: CompiledProgram): Map<number, ObservedCheck> {
  const out = new Map<number, ObservedCheck>();
  for (const n of c.nodes) {
    if (!n.observe) continue;
    const pool = c.items.filter((it) => matchesFilter(it.item, n.filter, c.referenceDate)).map((it) => it.index);
    const units = (i: number) => c.items[i].units;
    const weight = n.kind === 'credits' ? units : () => 1;
    const seen = maxUnderCaps(pool, new Set(), coveringLimits(c, n.index).map((li) => c.limits[li]), units, weight);
    const have = seen?.value ?? 0;
    out.set(n.index, { satisfied: have >= needOf(c, n), have, items: seen?.chosen ?? [] });
  }
  return out;
}

function needOf(c: CompiledProgram, n: CompiledNode): number {
  return n.kind === 'credits' ? c.needUnits[n.index] : n.kind === 'anyOf' ? 1 : n.need;
}

interface Raw {
  status: NodeStatus;
  /** Items, child rules, or scaled credit units. */
  have: number;
  need: number;
  of: Progress['of'];
  items: number[];
}

/** Status and progress of every node, in pre-order, from the claims the search produced. */
export function nodeResults(c: CompiledProgram, claims: Claims, observed: ReadonlyMap<number, ObservedCheck>): { evaluations: NodeEvaluation[] } {
  const raw: Raw[] = new Array(c.nodes.length);
  const visit = (i: number): Raw => {
    const n = c.nodes[i];
    const kids = n.children.map(visit);
    const of: Progress['of'] = n.kind === 'credits' ? 'credits' : n.leaf >= 0 || n.observe ? 'items' : 'rules';
    const need = needOf(c, n);
    let r: Raw;
    if (c.waivedBy[i]) r = { status: 'satisfied', have: need, need, of, items: [] };
    else if (n.observe) {
      const o = observed.get(i);
      r = { status: status(o?.have ?? 0, need, false), have: o?.have ?? 0, need, of, items: o?.items ?? [] };
    } else if (n.leaf >= 0) {
      const items = claims[n.leaf];
      const have = n.kind === 'credits' ? items.reduce((acc, x) => acc + c.items[x].units, 0) : items.length;
      r = { status: status(have, need, false), have, need, of, items };
    } else {
      const have = kids.filter((k) => k.status === 'satisfied').length;
      r = { status: status(have, need, kids.some((k) => k.status !== 'unsatisfied')), have, need, of, items: [] };
    }
    raw[i] = r;
    return r;
  };
  visit(0);
  const evaluations = c.nodes.map((n, i): NodeEvaluation => {
    const r = raw[i];
    const q = (x: number) => (r.of === 'credits' ? unitsQuantity(c, x) : intQuantity(x));
    const e: NodeEvaluation = {
      id: n.id, path: n.path, kind: n.kind, status: r.status,
      progress: { have: q(r.have), need: q(r.need), of: r.of },
      claimedItems: r.items.map((x) => c.items[x].id), missing: [],
    };
    if (n.label !== undefined) e.label = n.label;
    if (n.observe) e.observe = true;
    const waiver = c.waivedBy[i];
    if (waiver) e.waivedBy = waiver;
    if (n.leaf >= 0 && c.leaves[n.leaf].substitutedBy.size > 0) {
      const subs = [...c.leaves[n.leaf].substitutedBy].filter(([item]) => r.items.includes(item));
      if (subs.length) e.substitutions = subs.map(([item, ex]) => ({ itemId: c.items[item].id, exceptionId: ex }));
    }
    return e;
  });
  return { evaluations };
}

function status(have: number, need: number, partial: boolean): NodeStatus {
  if (have >= need) return 'satisfied';
  return partial || have > 0 ? 'partial' : 'unsatisfied';
}
