import { CompiledNode, CompiledProgram } from './compile-program';
import { Claims } from './claim-solver';
import { NodeEvaluation, NodeStatus, Progress } from './evaluation.types';
import { matchesFilter } from './filters';
import { Rational, ZERO, add, cmp, fromInt, isZero, min, toQuantity } from './rational';

export interface ObservedCheck {
  satisfied: boolean;
  have: Rational;
  items: number[];
}

/** Observing checks look at every matching item and consume nothing; their own limits clip what they see. */
export function observeChecks(c: CompiledProgram): Map<number, ObservedCheck> {
  const out = new Map<number, ObservedCheck>();
  for (const n of c.nodes) {
    if (!n.observe) continue;
    const items = c.items.filter((it) => matchesFilter(it.item, n.filter, c.referenceDate)).map((it) => it.index);
    let have = n.kind === 'credits' ? items.reduce((acc, i) => add(acc, c.items[i].credits), ZERO) : fromInt(items.length);
    for (const li of n.limits) {
      const lim = c.limits[li];
      if (n.kind === 'credits' && lim.maxCredits) have = min(have, lim.maxCredits);
      if (n.kind === 'count' && lim.maxItems !== null) have = min(have, fromInt(lim.maxItems));
    }
    const need = n.kind === 'credits' ? n.needCredits : fromInt(n.need);
    out.set(n.index, { satisfied: cmp(have, need) >= 0, have, items });
  }
  return out;
}

interface Raw {
  status: NodeStatus;
  have: Rational;
  need: Rational;
  of: Progress['of'];
  items: number[];
}

/** Status and progress of every node, in pre-order, from the claims the search produced. */
export function nodeResults(c: CompiledProgram, claims: Claims, observed: ReadonlyMap<number, ObservedCheck>): { raw: Raw[]; evaluations: NodeEvaluation[] } {
  const raw: Raw[] = new Array(c.nodes.length);
  const visit = (i: number): Raw => {
    const n = c.nodes[i];
    const kids = n.children.map(visit);
    const r = n.waivedBy ? waived(n) : n.observe ? fromObserved(n, observed.get(i)) : n.leaf >= 0 ? leafRaw(c, n, claims[n.leaf]) : combinator(n, kids);
    raw[i] = r;
    return r;
  };
  visit(0);
  const evaluations = c.nodes.map((n, i): NodeEvaluation => {
    const r = raw[i];
    const e: NodeEvaluation = {
      id: n.id, path: n.path, kind: n.kind, status: r.status,
      progress: { have: toQuantity(r.have), need: toQuantity(r.need), of: r.of },
      claimedItems: r.items.map((x) => c.items[x].id), missing: [],
    };
    if (n.label !== undefined) e.label = n.label;
    if (n.observe) e.observe = true;
    if (n.waivedBy) e.waivedBy = n.waivedBy;
    if (n.leaf >= 0) {
      const subs = [...c.leaves[n.leaf].substitutedBy].filter(([item]) => r.items.includes(item));
      if (subs.length) e.substitutions = subs.map(([item, ex]) => ({ itemId: c.items[item].id, exceptionId: ex }));
    }
    return e;
  });
  return { raw, evaluations };
}

function status(have: Rational, need: Rational, partial: boolean): NodeStatus {
  if (cmp(have, need) >= 0) return 'satisfied';
  return partial || !isZero(have) ? 'partial' : 'unsatisfied';
}

function waived(n: CompiledNode): Raw {
  const need = n.kind === 'credits' ? n.needCredits : fromInt(n.need);
  return { status: 'satisfied', have: need, need, of: n.kind === 'credits' ? 'credits' : n.leaf >= 0 || n.observe ? 'items' : 'rules', items: [] };
}

function fromObserved(n: CompiledNode, o: ObservedCheck | undefined): Raw {
  const need = n.kind === 'credits' ? n.needCredits : fromInt(n.need);
  const have = o?.have ?? ZERO;
  return { status: status(have, need, false), have, need, of: n.kind === 'credits' ? 'credits' : 'items', items: o?.items ?? [] };
}

function leafRaw(c: CompiledProgram, n: CompiledNode, items: number[]): Raw {
  if (n.kind === 'credits') {
    const have = items.reduce((acc, i) => add(acc, c.items[i].credits), ZERO);
    return { status: status(have, n.needCredits, false), have, need: n.needCredits, of: 'credits', items };
  }
  const have = fromInt(items.length);
  const need = fromInt(n.need);
  return { status: status(have, need, false), have, need, of: 'items', items };
}

function combinator(n: CompiledNode, kids: Raw[]): Raw {
  const have = fromInt(kids.filter((k) => k.status === 'satisfied').length);
  const need = fromInt(n.kind === 'anyOf' ? 1 : n.need);
  const partial = kids.some((k) => k.status !== 'unsatisfied');
  return { status: status(have, need, partial), have, need, of: 'rules', items: [] };
}
