import { CompiledNode, CompiledProgram } from './compile-program';
import { ClaimSolver, Claims } from './claim-solver';
import { assignmentLeafPlan, cmpWork, NodePlan, optimisticLeafPlan, planCompletion, typicalItemUnits } from './completion-cost';
import { fillLeftovers } from './fill-leftovers';
import { scoreOf } from './assignment-search';
import { leafHasSupply } from './claim-relaxation';
import { ObservedCheck } from './node-results';

export interface CompletionSearch {
  /** The chosen assignment (leftover items given to unsatisfied leaves where they fit). */
  claims: Claims;
  plan: NodePlan;
  /** False when the budget ran out before every leaf set was explored. */
  exhaustive: boolean;
  feasibilityChecks: number;
}

/**
 * For a tree that the learner's items cannot satisfy: the assignment that leaves the least work.
 * A branch-and-bound over which leaves the items fully satisfy (each set checked by the exact claim
 * solver), scoring each by the cheapest completion of the tree from it (unsatisfied leaves filled
 * with leftover items first); the bound prices leaves not yet decided at nothing and excluded
 * leaves at what they would lack even with every item they may take. Budgeted like the old
 * best-partial search: `exhaustive` says whether it finished.
 */
export function searchCompletion(
  c: CompiledProgram, solver: ClaimSolver, fixed: (n: CompiledNode) => boolean | undefined,
  observed: ReadonlyMap<number, ObservedCheck>, budget: number,
): CompletionSearch {
  const typical = typicalItemUnits(c);
  // a leaf the items cannot satisfy even alone is never in the set: decided out from the start
  const leaves = c.leaves.map((l) => l.index).filter((l) => !c.waivedBy[c.leaves[l].node] && fixed(c.nodes[c.leaves[l].node]) === undefined && leafHasSupply(c, l));
  const optimistic = optimisticLeafPlan(c, typical);
  const start = solver.checks;
  const score = (claims: Claims): Scored => {
    const filled = fillLeftovers(c, claims);
    const satisfied = new Set(c.leaves.filter((l) => leafSatisfied(c, l.index, filled)).map((l) => l.index));
    return { claims: filled, plan: planCompletion(c, assignmentLeafPlan(c, filled, typical), observed, typical), rules: scoreOf(c, satisfied, fixed) };
  };
  // least work first; among equals, the assignment that satisfies the most rules
  const better = (a: Scored, b: Scored) => cmpWork(a.plan.work, b.plan.work) < 0 || (cmpWork(a.plan.work, b.plan.work) === 0 && a.rules > b.rules);
  let best = score(solver.feasible([]) ?? c.leaves.map(() => []));
  let exhaustive = true;
  let visits = 0;
  const rec = (k: number, set: number[], claims: Claims): void => {
    if (++visits > budget * 8 || solver.checks - start >= budget) { exhaustive = false; return; }
    const inSet = new Set(set);
    const undecided = new Set(leaves.slice(k));
    const bound = planCompletion(c, (l) => (inSet.has(l) || undecided.has(l) ? NO_PLAN : optimistic(l)), observed, typical);
    if (cmpWork(bound.work, best.plan.work) >= 0) return;
    if (k === leaves.length) {
      const scored = score(claims);
      if (better(scored, best)) best = scored;
      return;
    }
    const withLeaf = insertSorted(set, leaves[k]);
    const r = solver.feasible(withLeaf);
    if (r) rec(k + 1, withLeaf, r);
    rec(k + 1, set, claims);
  };
  rec(0, [], solver.feasible([]) ?? c.leaves.map(() => []));
  return { claims: best.claims, plan: best.plan, exhaustive, feasibilityChecks: solver.checks };
}

interface Scored {
  claims: Claims;
  plan: NodePlan;
  /** Rule nodes the assignment satisfies (the 1.x best-partial score), the tie-break. */
  rules: number;
}

function leafSatisfied(c: CompiledProgram, l: number, claims: Claims): boolean {
  const leaf = c.leaves[l];
  if (leaf.kind === 'credits') return claims[l].reduce((a, i) => a + c.items[i].units, 0) >= leaf.needUnits;
  return claims[l].length >= leaf.needCount;
}

const NO_PLAN: NodePlan = { work: { items: 0, units: 0 }, entries: [] };

function insertSorted(set: readonly number[], v: number): number[] {
  const out = [...set, v];
  out.sort((a, b) => a - b);
  return out;
}
