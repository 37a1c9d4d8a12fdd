import { DEFAULT_PARTIAL_BUDGET, fixedNodes } from './assignment-search';
import { CompiledProgram } from './compile-program';
import type { Claims } from './compiled.types';
import { CheckedCompletion, checkCompletion } from './completion-check';
import { NodePlan } from './completion-cost';
import { searchCompletion } from './completion-search';
import { NodeEvaluation } from './evaluation.types';
import { solveTree } from './evaluate-tree';
import { EvaluateProgramOptions, LearnerItem } from './learner-item.types';
import { nodeResults } from './node-results';

export interface CompletedTree {
  claims: Claims;
  evaluations: NodeEvaluation[];
  satisfiable: boolean;
  /** For an unsatisfiable tree: the least work from the reported assignment, and its check. */
  plan: NodePlan | null;
  completion: CheckedCompletion | null;
  exhaustive: boolean;
  checks: number;
}

/**
 * 2.x: the assignment and node results. A satisfiable tree is solved as in 1.x (reaching the total
 * under the root caps when possible); otherwise the reported assignment is the one that leaves the
 * least work (`searchCompletion`), and, when `verify`, the completion it implies is checked by
 * adding what it asks for and evaluating again (`checkCompletion`).
 */
export function completeTree(c: CompiledProgram, items: readonly LearnerItem[], options: EvaluateProgramOptions, verify: boolean): CompletedTree {
  const { outcome, observed, flags } = solveTree(c, options, true, false);
  if (outcome.satisfiable) {
    const { evaluations } = nodeResults(c, outcome.claims, observed);
    return { claims: outcome.claims, evaluations, satisfiable: true, plan: null, completion: null, exhaustive: outcome.exhaustive, checks: outcome.feasibilityChecks };
  }
  const search = searchCompletion(c, outcome.solver, fixedNodes(c, flags), observed, options.partialSearchBudget ?? DEFAULT_PARTIAL_BUDGET);
  const { evaluations } = nodeResults(c, search.claims, observed);
  const completion = verify ? checkCompletion(c, items, options, search.plan) : null;
  return { claims: search.claims, evaluations, satisfiable: false, plan: search.plan, completion, exhaustive: search.exhaustive, checks: search.feasibilityChecks };
}
