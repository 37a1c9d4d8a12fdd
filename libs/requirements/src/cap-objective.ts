import { compileProgram } from './compile-program';
import { completeTree } from './complete-tree';
import { cmpWork, NO_WORK, Work, typicalItemUnits } from './completion-cost';
import { countedItems } from './credit-totals';
import { EvaluateProgramOptions, LearnerItem } from './learner-item.types';
import { Program } from './program.types';
import { cmp, parseRational } from './rational';

/**
 * How far an allocation of the cap takes the program: satisfied first, then the most requirement
 * rules satisfied, then the least work left, then the most credit toward the degree.
 */
export interface Standing {
  satisfied: boolean;
  /** Rule nodes satisfied (a compulsory course met counts, whatever the credit it brings). */
  rules: number;
  work: Work;
  /** Credits counted toward the degree total, in the evaluation's scaled units over `scale`. */
  total: { units: number; scale: bigint };
}

export function cmpStanding(a: Standing, b: Standing): number {
  if (a.satisfied !== b.satisfied) return a.satisfied ? -1 : 1;
  if (a.rules !== b.rules) return a.rules > b.rules ? -1 : 1;
  const w = cmpWork(a.work, b.work);
  if (w !== 0) return w;
  const x = BigInt(a.total.units) * b.total.scale;
  const y = BigInt(b.total.units) * a.total.scale;
  return x === y ? 0 : x > y ? -1 : 1;
}

/**
 * The program's standing with these items, and which of them the assignment uses (claimed by a
 * rule or counted toward the total): the program search with `options.capPool` choosing, within
 * the cap, which pooled items count. Nothing is explained (no missing list, no verification).
 */
export function standingOf(program: Program, items: readonly LearnerItem[], options: EvaluateProgramOptions): { standing: Standing; used: Set<string> } {
  const c = compileProgram(program, items, options);
  const tree = completeTree(c, items, options, false);
  const { counted, total } = countedItems(c, tree.claims);
  const need = parseRational(program.totalCredits);
  const totalOk = cmp(total, need) >= 0;
  const claimed = new Set(tree.claims.flat());
  const used = new Set(c.items.filter((it) => claimed.has(it.index) || counted[it.index]).map((it) => it.id));
  const typical = typicalItemUnits(c);
  const totalUnits = Number((total.n * c.scale) / total.d);
  const needUnits = Number((need.n * c.scale + need.d - 1n) / need.d);
  let work = tree.plan?.work ?? NO_WORK;
  if (!totalOk) {
    const short = Math.max(0, needUnits - totalUnits);
    work = { items: work.items + Math.ceil(short / typical), units: work.units + short };
  }
  return { standing: { satisfied: tree.satisfiable && totalOk, rules: tree.evaluations.filter((e) => e.status === 'satisfied').length, work, total: { units: totalUnits, scale: c.scale } }, used };
}
