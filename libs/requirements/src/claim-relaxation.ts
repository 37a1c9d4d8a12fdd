import { CompiledLeaf, CompiledProgram } from './compile-program';
import { FlowNetwork } from './max-flow';

export type Availability = (item: number, leaf: number) => boolean;

const always: Availability = () => true;

/**
 * Necessary conditions for a set of leaves to be satisfiable together: each leaf has
 * enough supply alone, and the leaves that share nothing can be served disjointly
 * (a b-matching for counted leaves, a fractional flow for credit leaves).
 */
export function relaxedFeasible(c: CompiledProgram, leaves: readonly number[], avail: Availability = always, flows = true): boolean {
  for (const l of leaves) if (!enoughSupply(c, c.leaves[l], avail)) return false;
  if (!flows || leaves.length < 2) return true;
  for (const component of conflictComponents(c, leaves)) if (component.length > 1 && !flowRelaxation(c, component, avail)) return false;
  return true;
}

export function leafHasSupply(c: CompiledProgram, leaf: number): boolean {
  return enoughSupply(c, c.leaves[leaf], always);
}

/** Incremental check after adding `added` to a set already known to pass: only its own group can fail. */
export function relaxedAfterAdding(c: CompiledProgram, leaves: readonly number[], added: number): boolean {
  if (!enoughSupply(c, c.leaves[added], always)) return false;
  const component = componentOf(c, leaves, added);
  if (component.length < 2) return true;
  const memo = (c.cache.flows ??= new Map());
  const key = component.join(',');
  let ok = memo.get(key);
  if (ok === undefined) memo.set(key, (ok = flowRelaxation(c, component, always)));
  return ok;
}

function componentOf(c: CompiledProgram, leaves: readonly number[], start: number): number[] {
  const graph = conflicts(c);
  const inSet = new Set(leaves);
  const component = [start];
  const seen = new Set(component);
  for (let k = 0; k < component.length; k++) {
    for (const m of graph[component[k]]) if (inSet.has(m) && !seen.has(m)) { seen.add(m); component.push(m); }
  }
  return component.sort((a, b) => a - b);
}


/** Leaves that can compete for an item, grouped: the relaxation decomposes over these groups. */
export function conflictComponents(c: CompiledProgram, leaves: readonly number[]): number[][] {
  const graph = conflicts(c);
  const inSet = new Set(leaves);
  const seen = new Set<number>();
  const out: number[][] = [];
  for (const start of leaves) {
    if (seen.has(start)) continue;
    const component = [start];
    seen.add(start);
    for (let k = 0; k < component.length; k++) {
      for (const m of graph[component[k]]) if (inSet.has(m) && !seen.has(m)) { seen.add(m); component.push(m); }
    }
    out.push(component.sort((a, b) => a - b));
  }
  return out;
}


function conflicts(c: CompiledProgram): number[][] {
  if (c.cache.conflicts) return c.cache.conflicts;
  const byItem: number[][] = c.items.map(() => []);
  for (const leaf of c.leaves) for (const i of leaf.eligible) byItem[i].push(leaf.index);
  const sets = c.leaves.map(() => new Set<number>());
  for (const ls of byItem) for (const a of ls) for (const b of ls) if (a !== b) sets[a].add(b);
  const graph = sets.map((s) => [...s].sort((a, b) => a - b));
  c.cache.conflicts = graph;
  return graph;
}

/** Flow relaxations of one group of competing leaves. */
function flowRelaxation(c: CompiledProgram, leaves: readonly number[], avail: Availability): boolean {
  const counted: CompiledLeaf[] = [];
  const credited: CompiledLeaf[] = [];
  for (const l of leaves) {
    const leaf = c.leaves[l];
    if (leaf.shareWith.size > 0) continue;
    if (leaf.kind === 'credits') { if (leaf.needUnits > 0) credited.push(leaf); }
    else if (leaf.needCount > 0) counted.push(leaf);
  }
  if (counted.length > 1 && countMatching(c, counted, avail) === null) return false;
  if (credited.length > 1 && !creditFlow(c, credited, avail)) return false;
  return true;
}

function enoughSupply(c: CompiledProgram, leaf: CompiledLeaf, avail: Availability): boolean {
  if (leaf.kind === 'credits') {
    let units = 0;
    for (const i of leaf.eligible) if (avail(i, leaf.index)) { units += c.items[i].units; if (units >= leaf.needUnits) return true; }
    return units >= leaf.needUnits;
  }
  let n = 0;
  for (const i of leaf.eligible) if (avail(i, leaf.index) && ++n >= leaf.needCount) return true;
  return n >= leaf.needCount;
}

/** b-matching of counted leaves to distinct items; the claims per leaf, or null if demand cannot be met. */
export function countMatching(c: CompiledProgram, leaves: readonly CompiledLeaf[], avail: Availability = always): Map<number, number[]> | null {
  const itemNode = new Map<number, number>();
  let demand = 0;
  for (const leaf of leaves) {
    demand += leaf.needCount;
    for (const i of leaf.eligible) if (!itemNode.has(i) && avail(i, leaf.index)) itemNode.set(i, 0);
  }
  const order = [...itemNode.keys()].sort((a, b) => a - b);
  order.forEach((i, k) => itemNode.set(i, 1 + leaves.length + k));
  const sink = 1 + leaves.length + order.length;
  const net = new FlowNetwork(sink + 1);
  leaves.forEach((leaf, k) => net.addEdge(0, 1 + k, leaf.needCount));
  const edges: { leaf: number; item: number; edge: number }[] = [];
  leaves.forEach((leaf, k) => {
    for (const i of leaf.eligible) {
      if (avail(i, leaf.index)) edges.push({ leaf: leaf.index, item: i, edge: net.addEdge(1 + k, itemNode.get(i) ?? 0, 1) });
    }
  });
  for (const i of order) net.addEdge(itemNode.get(i) ?? 0, sink, 1);
  if (net.maxFlow(0, sink, demand) < demand) return null;
  const claims = new Map<number, number[]>(leaves.map((l) => [l.index, []]));
  for (const e of edges) if (net.flowOn(e.edge) > 0) claims.get(e.leaf)?.push(e.item);
  return claims;
}

function creditFlow(c: CompiledProgram, leaves: readonly CompiledLeaf[], avail: Availability): boolean {
  const itemNode = new Map<number, number>();
  let demand = 0;
  for (const leaf of leaves) {
    demand += leaf.needUnits;
    for (const i of leaf.eligible) if (!itemNode.has(i) && avail(i, leaf.index)) itemNode.set(i, 1 + leaves.length + itemNode.size);
  }
  const sink = 1 + leaves.length + itemNode.size;
  const net = new FlowNetwork(sink + 1);
  leaves.forEach((leaf, k) => {
    net.addEdge(0, 1 + k, leaf.needUnits);
    for (const i of leaf.eligible) if (avail(i, leaf.index)) net.addEdge(1 + k, itemNode.get(i) ?? 0, c.items[i].units);
  });
  for (const [i, node] of itemNode) net.addEdge(node, sink, c.items[i].units);
  return net.maxFlow(0, sink, demand) >= demand;
}
