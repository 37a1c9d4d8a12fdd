import { CompiledProgram, compileProgram } from './compile-program';
import { PlanEntry, assignmentLeafPlan, isImpossible, NodePlan, planCompletion, typicalItemUnits } from './completion-cost';
import { completionItems, totalItems } from './completion-items';
import { countedItems } from './credit-totals';
import { solveTree } from './evaluate-tree';
import { fillLeftovers } from './fill-leftovers';
import { EvaluateProgramOptions, LearnerItem } from './learner-item.types';
import { cmp, parseRational, Rational } from './rational';

export interface CheckedCompletion {
  /** The entries that complete the program (merged per rule), and the total's, if any. */
  entries: PlanEntry[];
  totalUnits: number;
  /** The synthesised items were added and the program then evaluated as satisfied. */
  verified: boolean;
  /** Some rule cannot be completed by new learning (a held course another rule needs too). */
  blocked: boolean;
}

const ROUNDS = 6;

/**
 * Proves a planned completion: adds the items it asks for (`completionItems`) to the learner's and
 * evaluates the program again. Where observing checks or the degree total are still short (new
 * items for one rule may already count toward them, so they are asked for only after), the
 * remaining work of that evaluation is added and the check runs again, a few rounds at most. What
 * it returns is, when `verified`, a completion the engine itself found sufficient.
 */
export function checkCompletion(c: CompiledProgram, items: readonly LearnerItem[], options: EvaluateProgramOptions, plan: NodePlan): CheckedCompletion {
  if (isImpossible(plan.work)) return { entries: plan.entries, totalUnits: 0, verified: false, blocked: true };
  const first = merge(plan.entries.filter((e) => e.kind !== 'blocked' && e.kind !== 'capped'));
  // observing checks (credits in residence...) are asked for only after the rules' new items are
  // in: those often count toward them already, so asking first would ask twice
  let entries = first.filter((e) => !c.nodes[e.node].observe);
  let totalUnits = 0;
  let firstTotal = 0;
  let lastShort = Number.POSITIVE_INFINITY;
  const need = parseRational(c.program.totalCredits);
  for (let round = 0; round < ROUNDS; round++) {
    const serial = { next: 0 };
    const added = entries.flatMap((e) => completionItems(c, e, serial));
    if (totalUnits > 0) added.push(...totalItems(c, totalUnits, serial));
    const c2 = compileProgram(c.program, [...items, ...added], options);
    const { outcome, observed } = solveTree(c2, options, true, false);
    if (outcome.satisfiable) {
      const { total } = countedItems(c2, outcome.claims);
      if (cmp(total, need) >= 0) return { entries, totalUnits, verified: true, blocked: false };
      const short = unitsShort(need, total, c);
      // new credit that a root cap keeps out is claimed by a rule instead of a smaller item, or counts
      // nowhere: ask for the shortfall again on top; stop once asking more brings nothing
      if (round > 0 && short >= lastShort) break;
      lastShort = short;
      totalUnits += short;
      if (round === 0) firstTotal = short;
      continue;
    }
    const more = planCompletion(c2, assignmentLeafPlan(c2, fillLeftovers(c2, outcome.claims), typicalItemUnits(c2)), observed, typicalItemUnits(c2));
    if (isImpossible(more.work) || more.entries.length === 0) break;
    entries = merge([...entries, ...more.entries.map((e) => ({ ...e, units: rescale(e.units, c2, c) }))]);
  }
  // not proven: report the plan as first made (what the rules themselves lack), not the rounds' guesses
  return { entries: first, totalUnits: firstTotal, verified: false, blocked: false };
}

// ROUNDS bounds the re-checks: each is a full evaluation of the tree with the added items.

/** Entries of one rule added up (a rule asked for twice, across rounds, is asked for once). */
function merge(entries: readonly PlanEntry[]): PlanEntry[] {
  const byNode = new Map<number, PlanEntry>();
  for (const e of entries) {
    const prev = byNode.get(e.node);
    byNode.set(e.node, prev ? { ...prev, count: prev.count + e.count, units: prev.units + e.units } : { ...e });
  }
  return [...byNode.values()].sort((a, b) => a.node - b.node);
}

/** Units of `from` expressed in the scale of `to` (both compile the same program; item sets differ). */
function rescale(units: number, from: CompiledProgram, to: CompiledProgram): number {
  if (from.scale === to.scale) return units;
  const v = (BigInt(units) * to.scale) / from.scale;
  return Number(v);
}

/** need - have in c's scaled units, rounded up to a whole unit. */
function unitsShort(need: Rational, have: Rational, c: CompiledProgram): number {
  const num = (need.n * have.d - have.n * need.d) * c.scale;
  const den = need.d * have.d;
  return Number(num / den + (num % den > 0n ? 1n : 0n));
}
