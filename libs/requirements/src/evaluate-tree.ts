import { searchAssignment, SearchOutcome } from './assignment-search';
import { CompiledProgram } from './compile-program';
import { maxUnderCaps } from './capped-selection';
import { TotalGoal, totalGoal } from './credit-totals';
import { explainMissing } from './explain';
import { fillLeftovers } from './fill-leftovers';
import { EvaluateProgramOptions } from './learner-item.types';
import { nodeResults, ObservedCheck, observeChecks } from './node-results';

export interface SolvedTree {
  outcome: SearchOutcome;
  observed: Map<number, ObservedCheck>;
  flags: Map<number, boolean>;
}

/**
 * The search alone: a satisfying assignment (reaching the total under the root caps when
 * `withTotal` and one exists), or, when none exists and `bestPartial`, the 1.x best partial one.
 */
export function solveTree(c: CompiledProgram, options: EvaluateProgramOptions, withTotal: boolean, bestPartial = true): SolvedTree {
  const observed = observeChecks(c);
  const flags = new Map([...observed].map(([k, v]) => [k, v.satisfied]));
  let outcome: SearchOutcome = searchAssignment(c, flags, options.partialSearchBudget, null, bestPartial);
  const goal = withTotal && outcome.satisfiable ? totalGoal(c) : null;
  if (goal) outcome = reachTotal(c, flags, options, goal, outcome);
  return { outcome, observed, flags };
}

/**
 * Assignment, node results and what is missing (1.x). With `withTotal`, when the tree is satisfiable but the
 * assignment found leaves the degree total short under the root caps, the search runs again with the
 * total as a goal of the claim solver, so a satisfying assignment that also reaches the total is found
 * whenever one exists.
 */
export function evaluateTree(c: CompiledProgram, options: EvaluateProgramOptions, withTotal: boolean) {
  const { outcome, observed } = solveTree(c, options, withTotal);
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

