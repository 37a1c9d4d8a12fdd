import { CompiledNode, CompiledProgram } from './compile-program';
import { leafHasSupply, relaxedAfterAdding } from './claim-relaxation';
import { ClaimSolver, Claims } from './claim-solver';
import { TotalGoal } from './credit-totals';

export interface SearchOutcome {
  satisfiable: boolean;
  /** Leaves the assignment is built to satisfy. */
  leafSet: number[];
  claims: Claims;
  /** False when the best-partial search ran out of budget (the satisfiability answer is always exact). */
  exhaustive: boolean;
  feasibilityChecks: number;
  /** The claim solver the search used (its memo of feasible leaf sets serves a later search). */
  solver: ClaimSolver;
}

export const DEFAULT_PARTIAL_BUDGET = 250;

/**
 * Finds an assignment of items to leaves that satisfies the requirement tree whenever
 * one exists: a depth-first search over the tree's choices (any-of branches, N-of
 * combinations) that collects the leaves to satisfy, prunes with relaxations, and asks
 * the exact claim solver when the choice is complete. Failing that, a branch-and-bound
 * looks for the feasible leaf set that satisfies the most rule nodes. With a total goal, only
 * assignments that also leave the degree total reachable count (and nothing partial is sought).
 */
export function searchAssignment(
  c: CompiledProgram, observed: ReadonlyMap<number, boolean>, budget = DEFAULT_PARTIAL_BUDGET, total: TotalGoal | null = null, bestPartialWanted = true,
): SearchOutcome {
  const solver = new ClaimSolver(c, total);
  const failed = new Set<string>();
  // optimistic until the exact solver first says no; then prune with flow relaxations too
  let careful = false;
  const fixed = fixedNodes(c, observed);

  const goal = (set: number[], pending: Pending): Claims | null => {
    if (pending === null) {
      const claims = solver.feasible(set);
      if (!claims) careful = true;
      return claims;
    }
    const node = c.nodes[pending.v];
    const rest = pending.next;
    // only choice points can be revisited with the same state: memoize failures there
    if (node.kind !== 'anyOf' && node.kind !== 'nOf') return expand(node, set, rest);
    const memoKey = `${set.join(',')}|${listKey(pending)}`;
    if (failed.has(memoKey)) return null;
    const result = expand(node, set, rest);
    if (!result) failed.add(memoKey);
    return result;
  };

  const expand = (node: CompiledNode, set: number[], rest: Pending): Claims | null => {
    const f = fixed(node);
    if (f !== undefined) return f ? goal(set, rest) : null;
    if (node.leaf >= 0) {
      const next = insertSorted(set, node.leaf);
      if (careful ? !relaxedAfterAdding(c, next, node.leaf) : !leafHasSupply(c, node.leaf)) return null;
      return goal(next, rest);
    }
    if (node.kind === 'allOf') return goal(set, prepend(node.children, rest));
    if (!enoughForAny(c, node, node.kind === 'anyOf' ? 1 : node.need)) return null;
    return chooseChildren(node.children, 0, node.kind === 'anyOf' ? 1 : node.need, [], set, rest);
  };

  const chooseChildren = (children: number[], from: number, need: number, picked: number[], set: number[], rest: Pending): Claims | null => {
    if (need === 0) return goal(set, prepend(picked, rest));
    for (let k = from; k <= children.length - need; k++) {
      picked.push(children[k]);
      const r = chooseChildren(children, k + 1, need - 1, picked, set, rest);
      picked.pop();
      if (r) return r;
    }
    return null;
  };

  const found = goal([], { v: 0, next: null });
  if (found) {
    const leafSet = found.map((items, l) => (items.length ? l : -1)).filter((l) => l >= 0);
    return { satisfiable: true, leafSet, claims: found, exhaustive: true, feasibilityChecks: solver.checks, solver };
  }
  if (total || !bestPartialWanted) return { satisfiable: false, leafSet: [], claims: c.leaves.map(() => []), exhaustive: true, feasibilityChecks: solver.checks, solver };
  return bestPartial(c, solver, fixed, budget);
}

/** Which nodes are decided before any claim: waived ones (true) and observing checks (their verdict). */
export function fixedNodes(c: CompiledProgram, observed: ReadonlyMap<number, boolean>): (n: CompiledNode) => boolean | undefined {
  return (n) => (c.waivedBy[n.index] ? true : n.observe ? observed.get(n.index) ?? false : undefined);
}

function bestPartial(c: CompiledProgram, solver: ClaimSolver, fixed: (n: CompiledNode) => boolean | undefined, budget: number): SearchOutcome {
  const leaves = c.leaves.map((l) => l.index).filter((l) => !c.waivedBy[c.leaves[l].node]);
  let best = { score: -1, set: [] as number[], claims: solver.feasible([]) as Claims };
  let exhaustive = true;
  const start = solver.checks;
  let visits = 0;
  const rec = (k: number, set: number[], claims: Claims): void => {
    if (++visits > budget * 8) { exhaustive = false; return; }
    const bound = scoreOf(c, new Set([...set, ...leaves.slice(k)]), fixed);
    if (bound <= best.score) return;
    if (k === leaves.length) {
      best = { score: scoreOf(c, new Set(set), fixed), set, claims };
      return;
    }
    if (solver.checks - start >= budget) {
      exhaustive = false;
      const score = scoreOf(c, new Set(set), fixed);
      if (score > best.score) best = { score, set, claims };
      return;
    }
    const withLeaf = insertSorted(set, leaves[k]);
    const r = solver.feasible(withLeaf);
    if (r) rec(k + 1, withLeaf, r);
    rec(k + 1, set, claims);
  };
  rec(0, [], best.claims);
  return { satisfiable: false, leafSet: best.set, claims: best.claims, exhaustive, feasibilityChecks: solver.checks, solver };
}

/** Number of rule nodes satisfied if exactly the leaves in `sat` are satisfied. */
export function scoreOf(c: CompiledProgram, sat: ReadonlySet<number>, fixed: (n: CompiledNode) => boolean | undefined): number {
  let score = 0;
  const visit = (i: number): boolean => {
    const n = c.nodes[i];
    const kids = n.children.map(visit);
    let ok = fixed(n);
    if (ok === undefined) {
      if (n.leaf >= 0) ok = sat.has(n.leaf);
      else ok = kids.filter(Boolean).length >= (n.kind === 'anyOf' ? 1 : n.need);
    }
    if (ok) score++;
    return ok;
  };
  visit(0);
  return score;
}

/**
 * Counting bound for "k of these children": when the children are leaves of one kind that
 * share nothing, the k smallest demands must fit in the union of their eligible items.
 */
function enoughForAny(c: CompiledProgram, node: CompiledNode, k: number): boolean {
  if (k <= 0) return true;
  const leaves = [];
  for (const ch of node.children) {
    const n = c.nodes[ch];
    if (n.leaf < 0 || c.waivedBy[ch] || n.observe) return true;
    const leaf = c.leaves[n.leaf];
    if (leaf.shareWith.size > 0) return true;
    leaves.push(leaf);
  }
  const credits = leaves[0].kind === 'credits';
  if (leaves.some((l) => (l.kind === 'credits') !== credits)) return true;
  const demands = leaves.map((l) => (credits ? l.needUnits : l.needCount)).sort((a, b) => a - b);
  let need = 0;
  for (let j = 0; j < k; j++) need += demands[j];
  const union = new Set<number>();
  for (const l of leaves) for (const i of l.eligible) union.add(i);
  let supply = 0;
  for (const i of union) supply += credits ? c.items[i].units : 1;
  return supply >= need;
}

/** Pending goals as an immutable list: sharing tails keeps the search from copying arrays. */
type Pending = { v: number; next: Pending } | null;

function prepend(values: readonly number[], rest: Pending): Pending {
  let out = rest;
  for (let k = values.length - 1; k >= 0; k--) out = { v: values[k], next: out };
  return out;
}

function listKey(list: Pending): string {
  let key = '';
  for (let p = list; p; p = p.next) key += `${p.v},`;
  return key;
}

function insertSorted(set: readonly number[], v: number): number[] {
  const out: number[] = [];
  let done = false;
  for (const x of set) {
    if (!done && v < x) { out.push(v); done = true; }
    if (x !== v) out.push(x);
  }
  if (!done && !set.includes(v)) out.push(v);
  return out;
}
