import { searchAssignment, SearchOutcome } from './assignment-search';
import { CompiledProgram } from './compile-program';
import { maxUnderCaps } from './capped-selection';
import { TotalGoal, totalGoal, totalReachable } from './credit-totals';
import { explainMissing } from './explain';
import { EvaluateProgramOptions } from './learner-item.types';
import { nodeResults, observeChecks } from './node-results';

/**
 * Assignment, node results and what is missing. With `withTotal`, when the tree is satisfiable but the
 * assignment found leaves the degree total short under the root caps, the search runs again with the
 * total as a goal of the claim solver, so a satisfying assignment that also reaches the total is found
 * whenever one exists.
 */
export function evaluateTree(c: CompiledProgram, options: EvaluateProgramOptions, withTotal: boolean) {
  const observed = observeChecks(c);
  const flags = new Map([...observed].map(([k, v]) => [k, v.satisfied]));
  let outcome: SearchOutcome = searchAssignment(c, flags, options.partialSearchBudget);
  const goal = withTotal && outcome.satisfiable ? totalGoal(c) : null;
  if (goal) outcome = reachTotal(c, flags, options, goal, outcome);
  const claims = outcome.satisfiable ? outcome.claims : fillLeftovers(c, outcome.claims);
  const { evaluations } = nodeResults(c, claims, observed);
  const missing = explainMissing(c, claims, evaluations);
  return { claims, evaluations, missing, exhaustive: outcome.exhaustive, checks: outcome.feasibilityChecks };
}

/**
 * The satisfying assignment that reaches the total, or failing that the one that gets closest to it:
 * the largest reachable share of the capped items is found by bisection over exact goal searches
 * (reachability only gets harder as the goal rises).
 */
function reachTotal(c: CompiledProgram, flags: ReadonlyMap<number, boolean>, options: EvaluateProgramOptions, goal: TotalGoal, first: SearchOutcome): SearchOutcome {
  const units = (i: number) => c.items[i].units;
  const pool = c.items.filter((it) => goal.capped[it.index]).map((it) => it.index);
  const value = (forced: ReadonlySet<number>) => maxUnderCaps(pool, forced, goal.caps, units, units)?.value ?? 0;
  let lo = value(new Set(first.claims.flat()));
  if (lo >= goal.needUnits) return first;
  let hi = Math.min(goal.needUnits, value(new Set()));
  let best = first;
  let checks = first.feasibilityChecks;
  while (lo < hi) {
    const target = hi === goal.needUnits && lo + 1 < hi ? hi : Math.floor((lo + hi + 1) / 2);
    const again = searchAssignment(c, flags, options.partialSearchBudget, { ...goal, needUnits: target });
    checks += again.feasibilityChecks;
    if (again.satisfiable) { best = again; lo = target; } else hi = target - 1;
  }
  return { ...best, feasibilityChecks: checks };
}

/** For an unsatisfiable tree: show progress by giving unclaimed eligible items to unsatisfied leaves (in order, within caps). */
function fillLeftovers(c: CompiledProgram, claims: number[][]): number[][] {
  const out = claims.map((x) => [...x]);
  const used = new Set(out.flat());
  const limUnits = c.limits.map((l) => [...used].filter((i) => l.matches[i] && out.some((items, leaf) => items.includes(i) && c.leaves[leaf].limits.includes(l.index))).reduce((a, i) => a + c.items[i].units, 0));
  const limItems = c.limits.map((l) => [...used].filter((i) => l.matches[i] && out.some((items, leaf) => items.includes(i) && c.leaves[leaf].limits.includes(l.index))).length);
  for (const leaf of c.leaves) {
    if (c.waivedBy[leaf.node]) continue;
    const have = out[leaf.index];
    const enough = () => (leaf.kind === 'credits' ? have.reduce((a, i) => a + c.items[i].units, 0) >= leaf.needUnits : have.length >= leaf.needCount);
    const order = leaf.kind === 'credits' ? [...leaf.eligible].sort((a, b) => c.items[b].units - c.items[a].units || a - b) : leaf.eligible;
    for (const i of order) {
      if (enough()) break;
      if (used.has(i)) continue;
      const caps = leaf.limits.filter((li) => c.limits[li].matches[i]);
      const fits = caps.every((li) => {
        const l = c.limits[li];
        return (l.maxUnits === null || limUnits[li] + c.items[i].units <= l.maxUnits) && (l.maxItems === null || limItems[li] + 1 <= l.maxItems);
      });
      if (!fits) continue;
      for (const li of caps) { limUnits[li] += c.items[i].units; limItems[li] += 1; }
      have.push(i);
      used.add(i);
    }
    have.sort((a, b) => a - b);
  }
  return out;
}
