import { CompiledConversion, compileConversion, convertCredits } from './credit-units';
import { matchesFilter } from './filters';
import { EvaluateProgramOptions, LearnerItem, ProgramException } from './learner-item.types';
import { ItemFilter, Program, RequirementNode, childrenOf, isAllOf, isAnyOf, isCount, isCourse, isCredits, isNOf } from './program.types';
import { Quantity, Rational, ZERO, mul, parseRational, rational, toQuantity } from './rational';

export type NodeKind = 'allOf' | 'anyOf' | 'nOf' | 'course' | 'count' | 'credits';

export interface CompiledNode {
  index: number;
  id: string;
  /** Rule path: ids from the root joined by "/". */
  path: string;
  label?: string;
  kind: NodeKind;
  children: number[];
  /** Children needed (combinators) or items needed (course/count). */
  need: number;
  needCredits: Rational;
  /** needCredits in scaled integer units. */
  needUnits: number;
  filter?: ItemFilter;
  course?: string;
  observe: boolean;
  waivedBy?: string;
  /** Index among consuming leaves, or -1. */
  leaf: number;
  limits: number[];
}

export interface CompiledLeaf {
  index: number;
  node: number;
  kind: 'course' | 'count' | 'credits';
  needCount: number;
  /** Credits needed, in scaled integer units (credits leaves only). */
  needUnits: number;
  eligible: number[];
  limits: number[];
  shareWith: Set<number>;
  substitutedBy: Map<number, string>;
}

export interface CompiledLimit {
  index: number;
  node: number;
  maxUnits: number | null;
  maxItems: number | null;
  maxCredits: Rational | null;
  matches: boolean[];
  filter?: ItemFilter;
  label?: string;
}

export interface CompiledItem {
  index: number;
  id: string;
  item: LearnerItem;
  credits: Rational;
  units: number;
}

export interface CompiledProgram {
  program: Program;
  nodes: CompiledNode[];
  leaves: CompiledLeaf[];
  limits: CompiledLimit[];
  items: CompiledItem[];
  conversion: CompiledConversion;
  totalCredits: Rational;
  /** Credits are compared as integers: credits * scale. */
  scale: bigint;
  anyShareable: boolean;
  referenceDate: string;
  exceptionsApplied: { id: string; kind: string; path: string }[];
  exceptionsIgnored: { id: string; path: string; reason: string }[];
  /** Per-evaluation memo of the search (leaf conflict graph, flow relaxation results). */
  cache: { conflicts?: number[][]; flows?: Map<string, boolean> };
}

/** Exact credits from scaled integer units, as an output quantity, without bigint work when it fits. */
export function unitsQuantity(c: CompiledProgram, units: number): Quantity {
  const scale = Number(c.scale);
  if (scale === 1 && Math.abs(units) < 1e13) return intQuantity(units);
  if (Math.abs(units) * 200 >= Number.MAX_SAFE_INTEGER || scale * 200 >= Number.MAX_SAFE_INTEGER) return toQuantity(fromUnits(c, units));
  let a = Math.abs(units);
  let b = scale;
  while (b) [a, b] = [b, a % b];
  const n = units / a;
  const d = scale / a;
  if (d === 1) return intQuantity(n);
  const abs = Math.abs(n);
  const scaled = Math.floor((abs * 200 + d) / (2 * d));
  const whole = Math.floor(scaled / 100);
  const frac = String(scaled % 100).padStart(2, '0').replace(/0+$/, '');
  const body = frac ? `${whole}.${frac}` : `${whole}`;
  return { exact: `${n}/${d}`, decimal: n < 0 && scaled !== 0 ? `-${body}` : body };
}

export function intQuantity(n: number): Quantity {
  const text = String(n);
  return { exact: text, decimal: text };
}

/** Exact credits from scaled integer units. */
export function fromUnits(c: CompiledProgram, units: number): Rational {
  return rational(BigInt(units), c.scale);
}

export class InvalidEvaluationInputError extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
  }
}

const lcm = (a: bigint, b: bigint): bigint => {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
};

/** Flattens the tree, converts credits into the program unit, and lists each leaf's eligible items. */
export function compileProgram(program: Program, rawItems: readonly LearnerItem[], options: EvaluateProgramOptions): CompiledProgram {
  const conversion = compileConversion(program.conversion);
  const totalCredits = parseRational(program.totalCredits);
  const sorted = [...rawItems].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const items: CompiledItem[] = sorted.map((item, index) => {
    if (index > 0 && sorted[index - 1].id === item.id) throw new InvalidEvaluationInputError(`/items/${index}/id`, `duplicate item id "${item.id}"`);
    let credits: Rational;
    try {
      credits = convertCredits(parseRational(item.credits), item.unit, program.creditUnit, conversion);
    } catch (e) {
      throw new InvalidEvaluationInputError(`/items/${index}`, `item "${item.id}": ${(e as Error).message}`);
    }
    return { index, id: item.id, item, credits, units: 0 };
  });
  const byCourse = new Map<string, CompiledItem[]>();
  for (const it of items) if (it.item.courseId !== undefined) byCourse.set(it.item.courseId, [...(byCourse.get(it.item.courseId) ?? []), it]);
  const nodes: CompiledNode[] = [];
  const leaves: CompiledLeaf[] = [];
  const limits: CompiledLimit[] = [];
  const limitCredits: Rational[] = [];
  const ref = options.referenceDate;

  const visit = (n: RequirementNode, parentPath: string, inherited: number[]): number => {
    const index = nodes.length;
    const path = parentPath ? `${parentPath}/${n.id}` : n.id;
    const kind: NodeKind = isAllOf(n) ? 'allOf' : isAnyOf(n) ? 'anyOf' : isNOf(n) ? 'nOf' : isCourse(n) ? 'course' : isCount(n) ? 'count' : 'credits';
    const own = (n.limits ?? []).map((l) => {
      const li = limits.length;
      const maxCredits = l.maxCredits !== undefined ? parseRational(l.maxCredits) : null;
      const fraction = l.maxFraction !== undefined ? mul(parseRational(l.maxFraction), totalCredits) : null;
      const cap = maxCredits && fraction ? (maxCredits.n * fraction.d <= fraction.n * maxCredits.d ? maxCredits : fraction) : maxCredits ?? fraction;
      limits.push({ index: li, node: index, maxUnits: null, maxItems: l.maxItems ?? null, maxCredits: cap, matches: items.map((it) => matchesFilter(it.item, l.filter, ref)), filter: l.filter, label: l.label });
      if (cap) limitCredits.push(cap);
      return li;
    });
    const node: CompiledNode = {
      index, id: n.id, path, label: n.label, kind, children: [],
      need: isAllOf(n) ? n.allOf.length : isAnyOf(n) ? 1 : isNOf(n) ? n.nOf : isCount(n) ? n.count : isCourse(n) ? 1 : 0,
      needCredits: isCredits(n) ? parseRational(n.credits) : ZERO,
      needUnits: 0,
      filter: 'filter' in n ? n.filter : undefined,
      course: isCourse(n) ? n.course : undefined,
      observe: (isCount(n) || isCredits(n)) && n.observe === true,
      leaf: -1, limits: own,
    };
    nodes.push(node);
    const covering = [...inherited, ...own];
    if (kind === 'course' || kind === 'count' || kind === 'credits') {
      if (!node.observe) {
        node.leaf = leaves.length;
        const pool = node.course === undefined ? items : byCourse.get(node.course) ?? [];
        const eligible = pool.filter((it) => matchesFilter(it.item, node.filter, ref)).map((it) => it.index);
        leaves.push({ index: node.leaf, node: index, kind, needCount: kind === 'credits' ? 0 : node.need, needUnits: 0, eligible, limits: covering, shareWith: new Set(), substitutedBy: new Map() });
      }
    } else {
      node.children = childrenOf(n).map((c) => visit(c, path, covering));
    }
    return index;
  };
  visit(program.requirements, '', []);

  const compiled: CompiledProgram = {
    program, nodes, leaves, limits, items, conversion, totalCredits, scale: 1n, anyShareable: false, referenceDate: ref,
    exceptionsApplied: [], exceptionsIgnored: [], cache: {},
  };
  applyShareable(compiled);
  applyExceptions(compiled, options.exceptions ?? []);
  scaleCredits(compiled, limitCredits);
  return compiled;
}

function applyShareable(c: CompiledProgram): void {
  const byId = new Map(c.nodes.map((n) => [n.id, n]));
  const leavesUnder = (n: CompiledNode): number[] => (n.leaf >= 0 ? [n.leaf] : n.children.flatMap((ch) => leavesUnder(c.nodes[ch])));
  for (const [a, b] of c.program.shareable ?? []) {
    const na = byId.get(a);
    const nb = byId.get(b);
    if (!na || !nb) continue;
    for (const la of leavesUnder(na)) for (const lb of leavesUnder(nb)) {
      if (la === lb) continue;
      c.leaves[la].shareWith.add(lb);
      c.leaves[lb].shareWith.add(la);
      c.anyShareable = true;
    }
  }
}

function applyExceptions(c: CompiledProgram, exceptions: readonly ProgramException[]): void {
  if (exceptions.length === 0) return;
  const byPath = new Map(c.nodes.map((n) => [n.path, n]));
  const byItem = new Map(c.items.map((it) => [it.id, it]));
  for (const ex of [...exceptions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const node = byPath.get(ex.path);
    const ignore = (reason: string) => c.exceptionsIgnored.push({ id: ex.id, path: ex.path, reason });
    if (ex.programVersion !== c.program.version) { ignore(`bound to program version ${ex.programVersion}, not ${c.program.version}`); continue; }
    if (!node) { ignore('no rule at this path'); continue; }
    if (ex.kind === 'waive') {
      node.waivedBy ??= ex.id;
    } else {
      const item = byItem.get(ex.itemId);
      if (!item) { ignore(`no item "${ex.itemId}"`); continue; }
      if (node.leaf < 0) { ignore('substitution needs a course, count or credits rule'); continue; }
      const leaf = c.leaves[node.leaf];
      if (!leaf.eligible.includes(item.index)) leaf.eligible = [...leaf.eligible, item.index].sort((x, y) => x - y);
      leaf.substitutedBy.set(item.index, ex.id);
    }
    c.exceptionsApplied.push({ id: ex.id, kind: ex.kind, path: ex.path });
  }
}

/** Chooses one common denominator so the search compares credits as safe integers. */
function scaleCredits(c: CompiledProgram, limitCredits: Rational[]): void {
  let scale = 1n;
  for (const it of c.items) scale = lcm(scale, it.credits.d);
  for (const n of c.nodes) scale = lcm(scale, n.needCredits.d);
  for (const r of limitCredits) scale = lcm(scale, r.d);
  const toUnits = (r: Rational): number => {
    const v = (r.n * scale) / r.d;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new InvalidEvaluationInputError('', 'credit amounts too large or too finely divided');
    return Number(v);
  };
  c.scale = scale;
  for (const it of c.items) it.units = toUnits(it.credits);
  for (const n of c.nodes) n.needUnits = toUnits(n.needCredits);
  for (const l of c.leaves) if (l.kind === 'credits') l.needUnits = c.nodes[l.node].needUnits;
  for (const l of c.limits) l.maxUnits = l.maxCredits ? toUnits(l.maxCredits) : null;
}
