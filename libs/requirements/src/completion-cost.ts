import { CompiledProgram } from './compile-program';
import type { Claims } from './compiled.types';
import { completionTemplate } from './completion-items';
import { matchesFilter } from './filters';
import { ObservedCheck } from './node-results';
import { NodePlan, PlanEntry, Work } from './completion.types';

export type { NodePlan, PlanEntry, Work } from './completion.types';

export const NO_WORK: Work = { items: 0, units: 0 };
export const IMPOSSIBLE: Work = { items: Number.POSITIVE_INFINITY, units: Number.POSITIVE_INFINITY };

export const addWork = (a: Work, b: Work): Work => ({ items: a.items + b.items, units: a.units + b.units });
export const cmpWork = (a: Work, b: Work): number => (a.items !== b.items ? (a.items < b.items ? -1 : 1) : a.units === b.units ? 0 : a.units < b.units ? -1 : 1);
export const isImpossible = (w: Work): boolean => w.items === Number.POSITIVE_INFINITY;

const DONE: NodePlan = { work: NO_WORK, entries: [] };

/** How a leaf stands: a plan for it alone (its own deficit). */
export type LeafPlan = (leaf: number) => NodePlan;

/**
 * The cheapest way to complete the tree from an assignment: each unsatisfied leaf costs its own
 * deficit (`leafPlan`), an all-of the sum of its children, an any-of its cheapest child, an N-of its
 * N cheapest children (declared order breaks ties). Waived nodes cost nothing; observing checks
 * cost their deficit as the real items stand.
 */
export function planCompletion(c: CompiledProgram, leafPlan: LeafPlan, observed: ReadonlyMap<number, ObservedCheck>, typicalUnits: number): NodePlan {
  const visit = (i: number): NodePlan => {
    const n = c.nodes[i];
    if (c.waivedBy[i]) return DONE;
    if (n.observe) {
      const o = observed.get(i);
      if (!o || o.satisfied) return DONE;
      if (n.kind === 'credits') return creditsPlan(i, c.needUnits[i] - o.have, typicalUnits);
      return itemsPlan(i, 'items', n.need - o.have, typicalUnits);
    }
    if (n.leaf >= 0) return leafPlan(n.leaf);
    const kids = n.children.map(visit);
    if (n.kind === 'allOf') return kids.reduce(sumPlans, DONE);
    const need = n.kind === 'anyOf' ? 1 : n.need;
    if (need <= 0) return DONE;
    const order = kids.map((p, k) => ({ p, k })).sort((a, b) => cmpWork(a.p.work, b.p.work) || a.k - b.k);
    return order.slice(0, need).sort((a, b) => a.k - b.k).map((x) => x.p).reduce(sumPlans, DONE);
  };
  return visit(0);
}

function sumPlans(a: NodePlan, b: NodePlan): NodePlan {
  if (b.entries.length === 0 && b.work.items === 0) return a;
  return { work: addWork(a.work, b.work), entries: [...a.entries, ...b.entries] };
}

/** n new items; their credits are not known, so they weigh as n typical items. */
export function itemsPlan(node: number, kind: 'course' | 'items', count: number, typicalUnits: number): NodePlan {
  if (count <= 0) return DONE;
  return { work: { items: count, units: count * typicalUnits }, entries: [{ node, kind, count, units: 0 }] };
}

export function creditsPlan(node: number, units: number, typicalUnits: number): NodePlan {
  if (units <= 0) return DONE;
  return { work: { items: Math.ceil(units / Math.max(1, typicalUnits)), units }, entries: [{ node, kind: 'credits', count: 0, units }] };
}

export function blockedPlan(node: number, kind: 'blocked' | 'capped' = 'blocked', limit = -1): NodePlan {
  return { work: IMPOSSIBLE, entries: [{ node, kind, count: 0, units: 0, ...(limit >= 0 ? { limit } : {}) }] };
}

/**
 * Per limit: the units and items that the claims of satisfied leaves use under it (what a completion
 * cannot take back; the partial claims of unsatisfied leaves are progress it may trade for new items).
 */
function capUse(c: CompiledProgram, claims: Claims): { units: number[]; items: number[] } {
  const units = c.limits.map(() => 0);
  const items = c.limits.map(() => 0);
  const seen = c.limits.map(() => new Set<number>());
  claims.forEach((claimed, l) => {
    const leaf = c.leaves[l];
    const have = leaf.kind === 'credits' ? claimed.reduce((a, i) => a + c.items[i].units, 0) : claimed.length;
    if (have < (leaf.kind === 'credits' ? leaf.needUnits : leaf.needCount)) return;
    for (const li of c.leaves[l].limits) {
      const lim = c.limits[li];
      for (const i of claimed) if (lim.matches[i] && !seen[li].has(i)) { seen[li].add(i); units[li] += c.items[i].units; items[li] += 1; }
    }
  });
  return { units, items };
}

/**
 * Each leaf's own deficit under an assignment: a course leaf with no claim needs its course,
 * unless the learner already holds an eligible item of it that another rule claimed (a course is
 * not taken twice: completing it again is no way out, only an exception is); count and credit
 * leaves need the rest of their count or credits.
 */
export function assignmentLeafPlan(c: CompiledProgram, claims: Claims, typicalUnits: number): LeafPlan {
  const claimedBy = new Map<number, number[]>();
  claims.forEach((items, leaf) => items.forEach((i) => claimedBy.set(i, [...(claimedBy.get(i) ?? []), leaf])));
  const use = capUse(c, claims);
  const extra = new Set(c.extraRootLimits);
  /** The first cap over this leaf that its new items would meet and that has no room for them. */
  const fullCap = (l: number, units: number, items: number): number => {
    const template = completionTemplate(c, c.nodes[c.leaves[l].node]);
    for (const li of c.leaves[l].limits) {
      const lim = c.limits[li];
      if (extra.has(li) || !matchesFilter(template, lim.filter, c.referenceDate)) continue;
      if ((lim.maxUnits !== null && use.units[li] + units > lim.maxUnits) || (lim.maxItems !== null && use.items[li] + items > lim.maxItems)) return li;
    }
    return -1;
  };
  return (l) => {
    const leaf = c.leaves[l];
    const have = claims[l];
    if (leaf.kind === 'credits') {
      const units = have.reduce((a, i) => a + c.items[i].units, 0);
      const short = leaf.needUnits - units;
      const cap = short > 0 ? fullCap(l, short, 1) : -1;
      return cap >= 0 ? blockedPlan(leaf.node, 'capped', cap) : creditsPlan(leaf.node, short, typicalUnits);
    }
    if (have.length >= leaf.needCount) return DONE;
    if (leaf.kind === 'course') {
      const heldElsewhere = leaf.eligible.some((i) => (claimedBy.get(i) ?? []).some((m) => m !== l));
      if (heldElsewhere) return blockedPlan(leaf.node);
    }
    const count = leaf.needCount - have.length;
    const cap = fullCap(l, 0, count);
    if (cap >= 0) return blockedPlan(leaf.node, 'capped', cap);
    return itemsPlan(leaf.node, leaf.kind === 'course' ? 'course' : 'items', count, typicalUnits);
  };
}

/**
 * A lower bound of a leaf's deficit whatever the assignment: at best it gets every item it may
 * take. Used to prune the search for the assignment that leaves the least work.
 */
export function optimisticLeafPlan(c: CompiledProgram, typicalUnits: number): LeafPlan {
  return (l) => {
    const leaf = c.leaves[l];
    if (leaf.kind === 'credits') {
      const supply = leaf.eligible.reduce((a, i) => a + c.items[i].units, 0);
      return creditsPlan(leaf.node, leaf.needUnits - supply, typicalUnits);
    }
    return itemsPlan(leaf.node, leaf.kind === 'course' ? 'course' : 'items', leaf.needCount - leaf.eligible.length, typicalUnits);
  };
}

/** The median positive credit value of the items, in scaled units (at least 1). */
export function typicalItemUnits(c: CompiledProgram): number {
  const values = c.items.map((it) => it.units).filter((u) => u > 0).sort((a, b) => a - b);
  // no items to judge by: each credit requirement counts as one piece of work
  if (values.length === 0) return Math.max(1, ...c.needUnits);
  return Math.max(1, values[Math.floor((values.length - 1) / 2)]);
}
