import { CompiledProgram, fromUnits, rootLimits } from './compile-program';
import { maxUnderCaps, SelectionCap } from './capped-selection';
import type { Claims } from './compiled.types';
import { CapReport } from './evaluation.types';
import { Rational, toQuantity } from './rational';

/**
 * The degree total as a goal: items that no root cap matches always count; of the capped ones,
 * whole items count up to the root caps, claimed items always among them.
 */
export interface TotalGoal {
  caps: SelectionCap[];
  /** Per item: some root cap matches it. */
  capped: boolean[];
  /** Units the capped items must still bring (the total minus every uncapped item). */
  needUnits: number;
}

/** The goal, or null when the total does not depend on the claims (no root caps, or uncapped items reach it). */
export function totalGoal(c: CompiledProgram): TotalGoal | null {
  const caps = rootLimits(c).map((li) => c.limits[li]);
  if (caps.length === 0) return null;
  const capped = c.items.map((it) => caps.some((l) => l.matches[it.index]));
  const free = c.items.reduce((acc, it) => (capped[it.index] ? acc : acc + it.units), 0);
  const t = c.totalCredits;
  const scaled = t.n * c.scale;
  const need = scaled / t.d + (scaled % t.d > 0n ? 1n : 0n);
  const needUnits = Number(need > BigInt(Number.MAX_SAFE_INTEGER) ? BigInt(Number.MAX_SAFE_INTEGER) : need) - free;
  return needUnits <= 0 ? null : { caps, capped, needUnits };
}

/** True when some counted set that keeps the claimed items reaches the total. */
export function totalReachable(c: CompiledProgram, goal: TotalGoal, claimed: (i: number) => boolean): boolean {
  const pool: number[] = [];
  const forced = new Set<number>();
  for (const it of c.items) {
    if (!goal.capped[it.index]) continue;
    pool.push(it.index);
    if (claimed(it.index)) forced.add(it.index);
  }
  const units = (i: number) => c.items[i].units;
  const best = maxUnderCaps(pool, forced, goal.caps, units, units, goal.needUnits);
  return best !== null && best.value >= goal.needUnits;
}

/**
 * Credits that count toward the degree total: every item, except that the root's caps keep out
 * whole items beyond their limit. Exact: the counted set (claimed items always in it) maximises the total.
 */
export function countedItems(c: CompiledProgram, claims: Claims): { counted: boolean[]; total: Rational } {
  const caps = rootLimits(c).map((li) => c.limits[li]);
  const claimed = new Set(claims.flat());
  const units = (i: number) => c.items[i].units;
  const pool = c.items.map((it) => it.index);
  const best = maxUnderCaps(pool, claimed, caps, units, units) ?? maxUnderCaps(pool, new Set(), caps, units, units);
  const chosen = new Set(best?.chosen ?? []);
  const counted = c.items.map((it) => chosen.has(it.index));
  return { counted, total: fromUnits(c, best?.value ?? 0) };
}
/** Per limit: what the assignment used, and which eligible items it had to leave out. */
export function capReports(c: CompiledProgram, claims: Claims, counted: boolean[]): CapReport[] {
  const claimedBy = new Map<number, number[]>();
  claims.forEach((items, leaf) => items.forEach((i) => claimedBy.set(i, [...(claimedBy.get(i) ?? []), leaf])));
  return c.limits.map((lim) => {
    const covered = c.leaves.filter((l) => l.limits.includes(lim.index));
    const used = [...claimedBy.keys()].filter((i) => lim.matches[i] && (claimedBy.get(i) ?? []).some((l) => c.leaves[l].limits.includes(lim.index))).sort((a, b) => a - b);
    const usedUnits = used.reduce((acc, i) => acc + c.items[i].units, 0);
    const usedCredits = fromUnits(c, usedUnits);
    const inTotal = lim.node === 0 ? c.items.filter((it) => lim.matches[it.index] && counted[it.index]) : [];
    const totalUnits = inTotal.reduce((acc, it) => acc + it.units, 0);
    const full = (units: number, n: number, it: { units: number }) => (lim.maxUnits !== null && units + it.units > lim.maxUnits) || (lim.maxItems !== null && n + 1 > lim.maxItems);
    const excluded = c.items
      .filter((it) => lim.matches[it.index] && !claimedBy.has(it.index))
      .filter((it) => (lim.node === 0 && !counted[it.index] && full(totalUnits, inTotal.length, it)) || (covered.some((l) => l.eligible.includes(it.index)) && full(usedUnits, used.length, it)))
      .map((it) => it.id);
    const report: CapReport = {
      rulePath: c.nodes[lim.node].path,
      usedCredits: toQuantity(usedCredits),
      usedItems: used.length,
      applied: excluded.length > 0,
      excludedItems: excluded,
    };
    if (lim.label !== undefined) report.label = lim.label;
    if (lim.maxCredits) report.maxCredits = toQuantity(lim.maxCredits);
    if (lim.maxItems !== null) report.maxItems = lim.maxItems;
    return report;
  });
}
