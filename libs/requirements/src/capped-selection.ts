import { singleCap } from './single-cap';

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
  const fast = fastPath(free, caps, usedUnits, usedItems, units, weight, unitWeights);
  if (fast) return { value: base + fast.reduce((a, i) => a + weight(i), 0), chosen: [...chosen, ...fast].sort((a, b) => a - b) };
  let best = { value: base, picked: [] as number[] };
  const picked: number[] = [];
  const first = free.map((i) => caps.findIndex((cap) => cap.matches[i]));
  /** Upper bound on what the items from `from` on can add: per cap over all of them, and per group of items by first matching cap. */
  const bound = (from: number): number => {
    let all = 0;
    for (let q = from; q < free.length; q++) all += weight(free[q]);
    let b = all;
    let grouped = 0;
    caps.forEach((cap, k) => {
      let outside = 0;
      let inside = 0;
      let n = 0;
      let own = 0;
      let ownCapped = 0;
      let ownN = 0;
      for (let q = from; q < free.length; q++) {
        const i = free[q];
        const w = weight(i);
        if (!cap.matches[i]) { outside += w; continue; }
        const room = cap.maxItems === null || n < cap.maxItems - usedItems[k];
        if (room) { inside += w; n++; }
        if (first[q] === k) { own += w; if (cap.maxItems === null || ownN < cap.maxItems - usedItems[k]) { ownCapped += w; ownN++; } }
      }
      if (cap.maxUnits !== null && unitWeights) { inside = Math.min(inside, cap.maxUnits - usedUnits[k]); ownCapped = Math.min(ownCapped, cap.maxUnits - usedUnits[k]); }
      b = Math.min(b, outside + inside);
      grouped += Math.min(own, ownCapped);
    });
    return Math.min(b, grouped);
  };
  // `goal`: stop once reached (the target, or the bound at the root: nothing can do better)
  const rec = (q: number, value: number, goal: number): boolean => {
    if (value > best.value) best = { value, picked: [...picked] };
    if (best.value >= goal) return true;
    if (q === free.length || value + bound(q) <= best.value) return false;
    const i = free[q];
    if (caps.every((cap, k) => !cap.matches[i] || !over(cap, usedUnits[k] + units(i), usedItems[k] + 1))) {
      caps.forEach((cap, k) => { if (cap.matches[i]) { usedUnits[k] += units(i); usedItems[k] += 1; } });
      picked.push(i);
      const done = rec(q + 1, value + weight(i), goal);
      picked.pop();
      caps.forEach((cap, k) => { if (cap.matches[i]) { usedUnits[k] -= units(i); usedItems[k] -= 1; } });
      if (done) return true;
    }
    return rec(q + 1, value, goal);
  };
  rec(0, base, Math.min(target, base + bound(0)));
  return { value: best.value, chosen: [...chosen, ...best.picked].sort((a, b) => a - b) };
}

/** One cap (or caps that no item shares, each solved alone) with a shape `singleCap` solves exactly; else null. */
function fastPath(free: readonly number[], caps: readonly SelectionCap[], usedUnits: number[], usedItems: number[], units: (i: number) => number, weight: (i: number) => number, unitWeights: boolean): number[] | null {
  if (free.some((i) => caps.filter((cap) => cap.matches[i]).length > 1)) return null;
  const out: number[] = [];
  for (const [k, cap] of caps.entries()) {
    const mine = free.filter((i) => cap.matches[i]);
    if (mine.length === 0) continue;
    const remUnits = cap.maxUnits === null ? null : cap.maxUnits - usedUnits[k];
    const remItems = cap.maxItems === null ? null : cap.maxItems - usedItems[k];
    const picked = singleCap(mine, remUnits, remItems, units, weight, unitWeights);
    if (!picked) return null;
    out.push(...picked);
  }
  return out;
}

function over(cap: SelectionCap, units: number, items: number): boolean {
  return (cap.maxUnits !== null && units > cap.maxUnits) || (cap.maxItems !== null && items > cap.maxItems);
}
