/** A cap on a selection: at most `maxUnits` units and `maxItems` items among the items it matches. */
export interface SelectionCap {
  matches: readonly boolean[];
  maxUnits: number | null;
  maxItems: number | null;
}

export interface Selection {
  /** Sum of the weights of the chosen items. */
  value: number;
  /** Chosen item indices, ascending (forced items and items no cap matches included). */
  chosen: number[];
}

/**
 * Exact: among `pool`, the whole items that respect every cap together and maximise the sum of
 * `weight`, always including `forced` (which must lie in `pool`). Items that no cap matches are always taken.
 * A branch-and-bound over the capped items (heaviest first, then index order, include before exclude),
 * so the answer is deterministic; stops as soon as `target` is reached. Null when `forced` alone breaks a cap.
 */
export function maxUnderCaps(
  pool: readonly number[], forced: ReadonlySet<number>, caps: readonly SelectionCap[],
  units: (i: number) => number, weight: (i: number) => number, target = Number.POSITIVE_INFINITY,
): Selection | null {
  const usedUnits = caps.map(() => 0);
  const usedItems = caps.map(() => 0);
  const chosen: number[] = [];
  let base = 0;
  const free: number[] = [];
  for (const i of pool) {
    const capped = caps.some((cap) => cap.matches[i]);
    if (!capped || forced.has(i)) {
      chosen.push(i);
      base += weight(i);
      caps.forEach((cap, k) => { if (cap.matches[i]) { usedUnits[k] += units(i); usedItems[k] += 1; } });
    } else free.push(i);
  }
  if (caps.some((cap, k) => over(cap, usedUnits[k], usedItems[k]))) return null;
  free.sort((a, b) => weight(b) - weight(a) || a - b);
  const unitWeights = free.every((i) => weight(i) === units(i));
  let best = { value: base, picked: [] as number[] };
  const picked: number[] = [];
  const bound = (from: number): number => {
    let all = 0;
    for (let q = from; q < free.length; q++) all += weight(free[q]);
    let b = all;
    caps.forEach((cap, k) => {
      let outside = 0;
      let inside = 0;
      let n = 0;
      for (let q = from; q < free.length; q++) {
        const i = free[q];
        if (!cap.matches[i]) { outside += weight(i); continue; }
        if (cap.maxItems === null || n < cap.maxItems - usedItems[k]) { inside += weight(i); n++; }
      }
      if (cap.maxUnits !== null && unitWeights) inside = Math.min(inside, cap.maxUnits - usedUnits[k]);
      b = Math.min(b, outside + inside);
    });
    return b;
  };
  const rec = (q: number, value: number): boolean => {
    if (value > best.value) best = { value, picked: [...picked] };
    if (best.value >= target) return true;
    if (q === free.length || value + bound(q) <= best.value) return false;
    const i = free[q];
    if (caps.every((cap, k) => !cap.matches[i] || !over(cap, usedUnits[k] + units(i), usedItems[k] + 1))) {
      caps.forEach((cap, k) => { if (cap.matches[i]) { usedUnits[k] += units(i); usedItems[k] += 1; } });
      picked.push(i);
      const done = rec(q + 1, value + weight(i));
      picked.pop();
      caps.forEach((cap, k) => { if (cap.matches[i]) { usedUnits[k] -= units(i); usedItems[k] -= 1; } });
      if (done) return true;
    }
    return rec(q + 1, value);
  };
  rec(0, base);
  return { value: best.value, chosen: [...chosen, ...best.picked].sort((a, b) => a - b) };
}

function over(cap: SelectionCap, units: number, items: number): boolean {
  return (cap.maxUnits !== null && units > cap.maxUnits) || (cap.maxItems !== null && items > cap.maxItems);
}
