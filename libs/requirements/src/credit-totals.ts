import { CompiledProgram, fromUnits } from './compile-program';
import { Claims } from './claim-solver';
import { CapReport } from './evaluation.types';
import { Rational, toQuantity } from './rational';

/**
 * Credits that count toward the degree total: every item, except that the root's caps
 * keep out whole items beyond their limit (claimed items are kept first, then item order).
 */
export function countedItems(c: CompiledProgram, claims: Claims): { counted: boolean[]; total: Rational } {
  const claimed = new Set(claims.flat());
  const counted = c.items.map(() => true);
  const order = [...c.items].sort((a, b) => Number(claimed.has(b.index)) - Number(claimed.has(a.index)) || a.index - b.index);
  for (const li of c.nodes[0].limits) {
    const lim = c.limits[li];
    let units = 0;
    let n = 0;
    for (const it of order) {
      if (!counted[it.index] || !lim.matches[it.index]) continue;
      const over = (lim.maxUnits !== null && units + it.units > lim.maxUnits) || (lim.maxItems !== null && n + 1 > lim.maxItems);
      if (over) counted[it.index] = false;
      else { units += it.units; n++; }
    }
  }
  const total = fromUnits(c, c.items.reduce((acc, it) => (counted[it.index] ? acc + it.units : acc), 0));
  return { counted, total };
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
    const excluded = c.items
      .filter((it) => lim.matches[it.index] && !claimedBy.has(it.index))
      .filter((it) => covered.some((l) => l.eligible.includes(it.index)) || (lim.node === 0 && !counted[it.index]))
      .filter((it) => (lim.maxUnits !== null && usedUnits + it.units > lim.maxUnits) || (lim.maxItems !== null && used.length + 1 > lim.maxItems))
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
