import { CompiledConversion, compileConversion } from './credit-units';
import { CompiledNode, NodeKind } from './compiled.types';
import { ItemFilter, Program, RequirementNode, childrenOf, isAllOf, isAnyOf, isCount, isCourse, isCredits, isNOf } from './program.types';
import { Rational, ZERO, mul, parseRational } from './rational';

export interface SkeletonLeaf {
  index: number;
  node: number;
  kind: 'course' | 'count' | 'credits';
  needCount: number;
  limits: number[];
  shareWith: Set<number>;
}

export interface SkeletonLimit {
  index: number;
  node: number;
  maxItems: number | null;
  maxCredits: Rational | null;
  filter?: ItemFilter;
  label?: string;
}

/** Everything about a program that does not depend on the learner: built once per program object. */
export interface ProgramSkeleton {
  nodes: CompiledNode[];
  leaves: SkeletonLeaf[];
  limits: SkeletonLimit[];
  conversion: CompiledConversion;
  totalCredits: Rational;
  anyShareable: boolean;
  /** Item credits already converted into the program unit, by unit and amount. */
  converted: Map<string, Rational>;
}

const skeletons = new WeakMap<Program, ProgramSkeleton>();

export function programSkeleton(program: Program): ProgramSkeleton {
  let sk = skeletons.get(program);
  if (!sk) skeletons.set(program, (sk = buildSkeleton(program)));
  return sk;
}

const NO_SHARING: Set<number> = new Set();

function buildSkeleton(program: Program): ProgramSkeleton {
  const totalCredits = parseRational(program.totalCredits);
  const nodes: CompiledNode[] = [];
  const leaves: SkeletonLeaf[] = [];
  const limits: SkeletonLimit[] = [];
  const visit = (n: RequirementNode, parentPath: string, inherited: number[]): number => {
    const index = nodes.length;
    const path = parentPath ? `${parentPath}/${n.id}` : n.id;
    const kind: NodeKind = isAllOf(n) ? 'allOf' : isAnyOf(n) ? 'anyOf' : isNOf(n) ? 'nOf' : isCourse(n) ? 'course' : isCount(n) ? 'count' : 'credits';
    const own = (n.limits ?? []).map((l) => {
      const li = limits.length;
      const maxCredits = l.maxCredits !== undefined ? parseRational(l.maxCredits) : null;
      const fraction = l.maxFraction !== undefined ? mul(parseRational(l.maxFraction), totalCredits) : null;
      const cap = maxCredits && fraction ? (maxCredits.n * fraction.d <= fraction.n * maxCredits.d ? maxCredits : fraction) : maxCredits ?? fraction;
      limits.push({ index: li, node: index, maxItems: l.maxItems ?? null, maxCredits: cap, filter: l.filter, label: l.label });
      return li;
    });
    const node: CompiledNode = {
      index, id: n.id, path, label: n.label, kind, children: [],
      need: isAllOf(n) ? n.allOf.length : isAnyOf(n) ? 1 : isNOf(n) ? n.nOf : isCount(n) ? n.count : isCourse(n) ? 1 : 0,
      needCredits: isCredits(n) ? parseRational(n.credits) : ZERO,
      filter: 'filter' in n ? n.filter : undefined,
      course: isCourse(n) ? n.course : undefined,
      observe: (isCount(n) || isCredits(n)) && n.observe === true,
      leaf: -1, limits: own, covering: [...inherited, ...own],
    };
    nodes.push(node);
    const covering = node.covering;
    if (kind === 'course' || kind === 'count' || kind === 'credits') {
      if (!node.observe) {
        node.leaf = leaves.length;
        leaves.push({ index: node.leaf, node: index, kind, needCount: kind === 'credits' ? 0 : node.need, limits: covering, shareWith: NO_SHARING });
      }
    } else {
      node.children = childrenOf(n).map((c) => visit(c, path, covering));
    }
    return index;
  };
  visit(program.requirements, '', []);
  const sk: ProgramSkeleton = { nodes, leaves, limits, conversion: compileConversion(program.conversion), totalCredits, anyShareable: false, converted: new Map() };
  applyShareable(sk, program.shareable ?? []);
  return sk;
}

function applyShareable(sk: ProgramSkeleton, pairs: readonly [string, string][]): void {
  const byId = new Map(sk.nodes.map((n) => [n.id, n]));
  const leavesUnder = (n: CompiledNode): number[] => (n.leaf >= 0 ? [n.leaf] : n.children.flatMap((ch) => leavesUnder(sk.nodes[ch])));
  for (const [a, b] of pairs) {
    const na = byId.get(a);
    const nb = byId.get(b);
    if (!na || !nb) continue;
    for (const la of leavesUnder(na)) for (const lb of leavesUnder(nb)) {
      if (la === lb) continue;
      for (const [x, y] of [[la, lb], [lb, la]]) {
        if (sk.leaves[x].shareWith === NO_SHARING) sk.leaves[x].shareWith = new Set();
        sk.leaves[x].shareWith.add(y);
      }
      sk.anyShareable = true;
    }
  }
}
