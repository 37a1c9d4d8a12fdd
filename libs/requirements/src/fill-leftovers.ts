import { CompiledProgram } from './compile-program';

/** For an unsatisfiable tree: show progress by giving unclaimed eligible items to unsatisfied leaves (in order, within caps). */
export function fillLeftovers(c: CompiledProgram, claims: number[][]): number[][] {
  const out = claims.map((x) => [...x]);
  const used = new Set(out.flat());
  const limUnits = c.limits.map((l) => [...used].filter((i) => l.matches[i] && out.some((items, leaf) => items.includes(i) && c.leaves[leaf].limits.includes(l.index))).reduce((a, i) => a + c.items[i].units, 0));
  const limItems = c.limits.map((l) => [...used].filter((i) => l.matches[i] && out.some((items, leaf) => items.includes(i) && c.leaves[leaf].limits.includes(l.index))).length);
  for (const leaf of c.leaves) {
    if (c.waivedBy[leaf.node]) continue;
    const have = out[leaf.index];
    const enough = () => (leaf.kind === 'credits' ? have.reduce((a, i) => a + c.items[i].units, 0) >= leaf.needUnits : have.length >= leaf.needCount);
    const order = leaf.kind === 'credits' ? [...leaf.eligible].sort((a, b) => c.items[b].units - c.items[a].units || a - b) : leaf.eligible;
    for (const i of order) {
      if (enough()) break;
      if (used.has(i)) continue;
      const caps = leaf.limits.filter((li) => c.limits[li].matches[i]);
      const fits = caps.every((li) => {
        const l = c.limits[li];
        return (l.maxUnits === null || limUnits[li] + c.items[i].units <= l.maxUnits) && (l.maxItems === null || limItems[li] + 1 <= l.maxItems);
      });
      if (!fits) continue;
      for (const li of caps) { limUnits[li] += c.items[i].units; limItems[li] += 1; }
      have.push(i);
      used.add(i);
    }
    have.sort((a, b) => a - b);
  }
  return out;
}
