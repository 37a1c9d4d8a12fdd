import { CompiledProgram } from './compile-program';
import { Claims } from './claim-solver';

/**
 * Reference implementation: tries every assignment of items to sets of leaves
 * (one leaf, or several pairwise-shareable ones). Exponential; for tests and the
 * benchmark baseline only.
 */
export function bruteForceSatisfiable(c: CompiledProgram, observed: ReadonlyMap<number, boolean>, budget = Number.MAX_SAFE_INTEGER): boolean | null {
  const options = c.items.map((it) => itemOptions(c, it.index));
  const claims: Claims = c.leaves.map(() => []);
  let visited = 0;
  const rec = (k: number): boolean | null => {
    if (++visited > budget) return null;
    if (k === c.items.length) return claimsViolations(c, claims).length === 0 && treeSatisfied(c, claims, observed);
    for (const opt of options[k]) {
      for (const l of opt) claims[l].push(k);
      const r = rec(k + 1);
      for (const l of opt) claims[l].pop();
      if (r !== false) return r;
    }
    return false;
  };
  return rec(0);
}

function itemOptions(c: CompiledProgram, item: number): number[][] {
  const leaves = c.leaves.filter((l) => l.eligible.includes(item)).map((l) => l.index);
  const out: number[][] = [[]];
  const rec = (k: number, picked: number[]): void => {
    if (k === leaves.length) return;
    for (let j = k; j < leaves.length; j++) {
      const l = leaves[j];
      if (picked.every((p) => c.leaves[p].shareWith.has(l))) {
        const next = [...picked, l];
        out.push(next);
        rec(j + 1, next);
      }
    }
  };
  rec(0, []);
  return out;
}

export function leafSatisfied(c: CompiledProgram, leaf: number, items: readonly number[]): boolean {
  const l = c.leaves[leaf];
  if (l.kind === 'credits') return items.reduce((a, i) => a + c.items[i].units, 0) >= l.needUnits;
  return items.length >= l.needCount;
}

export function treeSatisfied(c: CompiledProgram, claims: Claims, observed: ReadonlyMap<number, boolean>): boolean {
  const visit = (i: number): boolean => {
    const n = c.nodes[i];
    const kids = n.children.map(visit);
    if (c.waivedBy[i]) return true;
    if (n.observe) return observed.get(i) ?? false;
    if (n.leaf >= 0) return leafSatisfied(c, n.leaf, claims[n.leaf]);
    return kids.filter(Boolean).length >= (n.kind === 'anyOf' ? 1 : n.need);
  };
  return visit(0);
}

/** Every way `claims` breaks the rules: ineligible claims, double counting, caps exceeded. */
export function claimsViolations(c: CompiledProgram, claims: Claims): string[] {
  const out: string[] = [];
  const by = new Map<number, number[]>();
  claims.forEach((items, l) => {
    for (const i of items) {
      if (!c.leaves[l].eligible.includes(i)) out.push(`item ${c.items[i].id} is not eligible for ${c.nodes[c.leaves[l].node].path}`);
      by.set(i, [...(by.get(i) ?? []), l]);
    }
  });
  for (const [i, leaves] of by) {
    for (const a of leaves) for (const b of leaves) {
      if (a < b && !c.leaves[a].shareWith.has(b)) out.push(`item ${c.items[i].id} counts toward two non-shareable rules`);
    }
  }
  for (const lim of c.limits) {
    const used = [...by].filter(([i, leaves]) => lim.matches[i] && leaves.some((l) => c.leaves[l].limits.includes(lim.index))).map(([i]) => i);
    const units = used.reduce((a, i) => a + c.items[i].units, 0);
    if ((lim.maxUnits !== null && units > lim.maxUnits) || (lim.maxItems !== null && used.length > lim.maxItems)) out.push(`cap at ${c.nodes[lim.node].path} exceeded`);
  }
  return out;
}
