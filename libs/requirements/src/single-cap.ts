/**
 * Exact best selection under one cap, for the common shapes: no binding units (top items by weight),
 * unit weights without a binding item count (subset sum by dynamic programming), or equal weights
 * (smallest items first). Null when the shape needs the general branch-and-bound.
 * `items` are sorted by weight (heaviest first), then index.
 */
export function singleCap(
  items: readonly number[], remUnits: number | null, remItems: number | null,
  units: (i: number) => number, weight: (i: number) => number, unitWeights: boolean,
): number[] | null {
  const totalUnits = items.reduce((a, i) => a + units(i), 0);
  const itemsBind = remItems !== null && remItems < items.length;
  if (remUnits === null || totalUnits <= remUnits) return itemsBind ? items.slice(0, remItems ?? 0) : [...items];
  if (items.every((i) => weight(i) === weight(items[0]))) {
    const out: number[] = [];
    let used = 0;
    const bySize = [...items].sort((a, b) => units(a) - units(b) || a - b);
    for (const i of bySize) {
      if (remItems !== null && out.length >= remItems) break;
      if (used + units(i) > remUnits) break;
      out.push(i);
      used += units(i);
    }
    return out;
  }
  if (itemsBind || !unitWeights || remUnits > 50_000 || remUnits * items.length > 2_000_000) return null;
  return subsetSum(items, remUnits, units);
}

/** The largest sum of units not above `cap`; ties broken by the earliest items (deterministic). */
function subsetSum(items: readonly number[], cap: number, units: (i: number) => number): number[] {
  const by = new Int32Array(cap + 1).fill(-1);
  const reached = new Uint8Array(cap + 1);
  reached[0] = 1;
  items.forEach((i, k) => {
    const u = units(i);
    for (let s = cap; s >= u; s--) if (!reached[s] && reached[s - u]) { reached[s] = 1; by[s] = k; }
  });
  let s = cap;
  while (!reached[s]) s--;
  const out: number[] = [];
  while (s > 0) {
    const k = by[s];
    out.push(items[k]);
    s -= units(items[k]);
  }
  return out;
}
