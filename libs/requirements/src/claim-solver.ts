import { CompiledLeaf, CompiledProgram } from './compile-program';
import type { Claims } from './compiled.types';
import { countMatching, relaxedFeasible } from './claim-relaxation';
import { TotalGoal, totalReachable } from './credit-totals';

export type { Claims } from './compiled.types';

/**
 * Exact check that a set of leaves can all be satisfied at once, respecting
 * non-shareable claims and node limits. Pure counted sets without binding limits or
 * sharing go through a b-matching; everything else through a complete depth-first search
 * over prefix-minimal claim sets, pruned by supply and flow relaxations and memoized.
 * With a total goal, the claims must also leave the degree total reachable under the root caps
 * (claiming more only shrinks what the total can count, so the check prunes every partial claim set).
 */
export class ClaimSolver {
  checks = 0;
  private readonly memo = new Map<string, Claims | null>();
  private readonly covers: boolean[][];
  private claimedBy: number[][] = [];
  private limItems: number[] = [];
  private limUnits: number[] = [];
  private failures = new Set<string>();
  private careful = false;

  constructor(private readonly c: CompiledProgram, private readonly goal: TotalGoal | null = null) {
    this.covers = c.limits.map((l) => c.leaves.map((leaf) => leaf.limits.includes(l.index)));
  }

  feasible(leafSet: readonly number[]): Claims | null {
    const key = leafSet.join(',');
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    this.checks++;
    const result = this.solve(leafSet);
    this.memo.set(key, result);
    return result;
  }

  private solve(leafSet: readonly number[]): Claims | null {
    const c = this.c;
    const active = leafSet.filter((l) => (c.leaves[l].kind === 'credits' ? c.leaves[l].needUnits > 0 : c.leaves[l].needCount > 0));
    const claims: Claims = c.leaves.map(() => []);
    if (active.length === 0) return this.totalOk(() => false) ? claims : null;
    const inSet = new Set(active);
    const sharing = active.some((l) => [...c.leaves[l].shareWith].some((m) => inSet.has(m)));
    const binding = this.bindingLimits(active);
    if (!sharing && binding.length === 0 && active.every((l) => c.leaves[l].kind !== 'credits')) {
      const m = countMatching(c, active.map((l) => c.leaves[l]));
      if (!m) return null;
      for (const [leaf, items] of m) claims[leaf] = items.sort((a, b) => a - b);
      const used = new Set(claims.flat());
      if (this.totalOk((i) => used.has(i))) return claims;
      claims.forEach((_, l) => { claims[l] = []; });
    }
    if (!relaxedFeasible(c, active, undefined, false) || !this.totalOk(() => false)) return null;
    const order = [...active].sort((a, b) => c.leaves[a].eligible.length - c.leaves[b].eligible.length || a - b);
    this.claimedBy = c.items.map(() => []);
    this.limItems = c.limits.map(() => 0);
    this.limUnits = c.limits.map(() => 0);
    this.failures = new Set();
    this.careful = false;
    if (!this.search(order, 0, binding)) return null;
    this.claimedBy.forEach((leaves, item) => leaves.forEach((l) => claims[l].push(item)));
    return claims;
  }

  /** Limits that could actually bind for this set (their eligible matching items exceed the cap). */
  private bindingLimits(active: readonly number[]): number[] {
    const out: number[] = [];
    for (const lim of this.c.limits) {
      const seen = new Set<number>();
      for (const l of active) if (this.covers[lim.index][l]) for (const i of this.c.leaves[l].eligible) if (lim.matches[i]) seen.add(i);
      let units = 0;
      for (const i of seen) units += this.c.items[i].units;
      if ((lim.maxItems !== null && seen.size > lim.maxItems) || (lim.maxUnits !== null && units > lim.maxUnits)) out.push(lim.index);
    }
    return out;
  }

  private available = (i: number, l: number): boolean => {
    const by = this.claimedBy[i];
    if (by.length === 0) return true;
    const share = this.c.leaves[l].shareWith;
    for (const m of by) if (!share.has(m)) return false;
    return true;
  };

  private counted(i: number, lim: number): boolean {
    for (const m of this.claimedBy[i]) if (this.covers[lim][m]) return true;
    return false;
  }

  private limitsAllow(i: number, leaf: CompiledLeaf, binding: readonly number[]): boolean {
    for (const li of binding) {
      const lim = this.c.limits[li];
      if (!this.covers[li][leaf.index] || !lim.matches[i] || this.counted(i, li)) continue;
      if (lim.maxItems !== null && this.limItems[li] + 1 > lim.maxItems) return false;
      if (lim.maxUnits !== null && this.limUnits[li] + this.c.items[i].units > lim.maxUnits) return false;
    }
    return true;
  }

  private claim(i: number, leaf: CompiledLeaf, sign: 1 | -1): void {
    if (sign < 0) this.claimedBy[i].pop();
    for (const li of leaf.limits) {
      if (!this.c.limits[li].matches[i] || this.counted(i, li)) continue;
      this.limItems[li] += sign;
      this.limUnits[li] += sign * this.c.items[i].units;
    }
    if (sign > 0) this.claimedBy[i].push(leaf.index);
  }

  private totalOk(claimed: (i: number) => boolean): boolean {
    return this.goal === null || totalReachable(this.c, this.goal, claimed);
  }

  private search(order: readonly number[], k: number, binding: readonly number[]): boolean {
    if (k === order.length) return true;
    let key = '';
    if (this.careful) {
      key = `${k}|${this.claimedBy.map((b) => b.join('.')).join(',')}|${this.limUnits.join(',')}`;
      if (this.failures.has(key)) return false;
      if (!relaxedFeasible(this.c, order.slice(k), this.available)) {
        this.failures.add(key);
        return false;
      }
    } else if (!this.remainingSupplied(order, k)) {
      this.careful = true;
      return false;
    }
    const leaf = this.c.leaves[order[k]];
    const ok = this.choose(order, k, binding, leaf, 0, 0, 0);
    if (!ok) {
      this.careful = true;
      if (key) this.failures.add(key);
    }
    return ok;
  }

  private remainingSupplied(order: readonly number[], k: number): boolean {
    for (let j = k; j < order.length; j++) {
      const leaf = this.c.leaves[order[j]];
      const credits = leaf.kind === 'credits';
      let have = 0;
      for (const i of leaf.eligible) {
        if (!this.available(i, leaf.index)) continue;
        have += credits ? this.c.items[i].units : 1;
        if (have >= (credits ? leaf.needUnits : leaf.needCount)) break;
      }
      if (have < (credits ? leaf.needUnits : leaf.needCount)) return false;
    }
    return true;
  }

  /** Extends the claim set of `leaf` with items at positions >= p, in order; recurses when it is just enough. */
  private choose(order: readonly number[], k: number, binding: readonly number[], leaf: CompiledLeaf, p: number, count: number, units: number): boolean {
    const credits = leaf.kind === 'credits';
    if (credits ? units >= leaf.needUnits : count >= leaf.needCount) return this.search(order, k + 1, binding);
    const elig = leaf.eligible;
    for (let q = p; q < elig.length; q++) {
      if (!credits && elig.length - q < leaf.needCount - count) return false;
      const i = elig[q];
      if (!this.available(i, leaf.index) || !this.limitsAllow(i, leaf, binding)) continue;
      this.claim(i, leaf, 1);
      if (this.goal && this.goal.capped[i] && this.claimedBy[i].length === 1 && !this.totalOk((x) => this.claimedBy[x].length > 0)) {
        this.claim(i, leaf, -1);
        continue;
      }
      const ok = this.choose(order, k, binding, leaf, q + 1, count + 1, units + this.c.items[i].units);
      if (ok) return true;
      this.claim(i, leaf, -1);
    }
    return false;
  }
}
