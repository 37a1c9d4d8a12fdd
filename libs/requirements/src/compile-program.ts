import { convertCredits } from './credit-units';
import { CompiledItem, CompiledLeaf, CompiledLimit, CompiledProgram, InvalidEvaluationInputError } from './compiled.types';
import { dateError } from './dates';
import { matchesFilter } from './filters';
import { EvaluateProgramOptions, LearnerItem, ProgramException } from './learner-item.types';
import { programSkeleton } from './program-skeleton';
import { Program } from './program.types';
import { Rational, parseRational } from './rational';

export * from './compiled.types';

const NO_SUBSTITUTIONS: Map<number, string> = new Map();

const lcm = (a: bigint, b: bigint): bigint => {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
};

/** Per evaluation: converts item credits into the program unit and lists each leaf's eligible items. */
export function compileProgram(program: Program, rawItems: readonly LearnerItem[], options: EvaluateProgramOptions): CompiledProgram {
  const sk = programSkeleton(program);
  const ref = options.referenceDate;
  checkDates(rawItems, options);
  const sorted = [...rawItems].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const items: CompiledItem[] = sorted.map((item, index) => {
    if (index > 0 && sorted[index - 1].id === item.id) throw new InvalidEvaluationInputError(`/items/${index}/id`, `duplicate item id "${item.id}"`);
    const key = `${item.unit}\u0000${String(item.credits)}`;
    let credits = sk.converted.get(key);
    if (!credits) {
      try {
        credits = convertCredits(parseRational(item.credits), item.unit, program.creditUnit, sk.conversion);
      } catch (e) {
        throw new InvalidEvaluationInputError(`/items/${index}`, `item "${item.id}": ${(e as Error).message}`);
      }
      if (sk.converted.size < 1000) sk.converted.set(key, credits);
    }
    return { index, id: item.id, item, credits, units: 0 };
  });
  const byCourse = new Map<string, CompiledItem[]>();
  for (const it of items) {
    if (it.item.courseId === undefined) continue;
    const list = byCourse.get(it.item.courseId);
    if (list) list.push(it);
    else byCourse.set(it.item.courseId, [it]);
  }
  const leaves: CompiledLeaf[] = sk.leaves.map((def) => {
    const node = sk.nodes[def.node];
    const pool = node.course === undefined ? items : byCourse.get(node.course) ?? [];
    const eligible: number[] = [];
    for (const it of pool) if (matchesFilter(it.item, node.filter, ref)) eligible.push(it.index);
    return { index: def.index, node: def.node, kind: def.kind, needCount: def.needCount, needUnits: 0, eligible, limits: def.limits, shareWith: def.shareWith, substitutedBy: NO_SUBSTITUTIONS };
  });
  const limits: CompiledLimit[] = sk.limits.map((def) => ({
    index: def.index, node: def.node, maxItems: def.maxItems, maxCredits: def.maxCredits, maxUnits: null,
    matches: items.map((it) => matchesFilter(it.item, def.filter, ref)), filter: def.filter, label: def.label,
  }));
  const extraRootLimits: number[] = [];
  if (options.capPool) {
    const pool = options.capPool;
    const ids = new Set(pool.itemIds);
    let maxCredits: Rational;
    try {
      maxCredits = convertCredits(parseRational(pool.maxCredits), pool.unit, program.creditUnit, sk.conversion);
    } catch (e) {
      throw new InvalidEvaluationInputError('/capPool', (e as Error).message);
    }
    const index = limits.length;
    limits.push({ index, node: 0, maxItems: null, maxCredits, maxUnits: null, matches: items.map((it) => ids.has(it.id)), label: pool.label });
    extraRootLimits.push(index);
    for (const leaf of leaves) leaf.limits = [...leaf.limits, index];
  }
  const compiled: CompiledProgram = {
    program, nodes: sk.nodes, leaves, limits, items, conversion: sk.conversion, totalCredits: sk.totalCredits, scale: 1n,
    anyShareable: sk.anyShareable, referenceDate: ref, exceptionsApplied: [], exceptionsIgnored: [],
    waivedBy: new Array<string | undefined>(sk.nodes.length).fill(undefined), needUnits: [], extraRootLimits, cache: {},
  };
  applyExceptions(compiled, options.exceptions ?? []);
  scaleCredits(compiled);
  return compiled;
}

/** The limits on the root: the program's own and the extra ones of this evaluation. */
export function rootLimits(c: CompiledProgram): number[] {
  return c.extraRootLimits.length ? [...c.nodes[0].limits, ...c.extraRootLimits] : c.nodes[0].limits;
}

/** The limits covering a node (its own, its ancestors', the extra root ones). */
export function coveringLimits(c: CompiledProgram, node: number): number[] {
  const own = c.nodes[node].covering;
  return c.extraRootLimits.length ? [...own, ...c.extraRootLimits] : own;
}

/** Dates must be strict YYYY-MM-DD calendar dates: junk is an input error, never a silent miss. */
function checkDates(items: readonly LearnerItem[], options: EvaluateProgramOptions): void {
  const check = (text: unknown, path: string, what: string) => {
    const err = dateError(text);
    if (err) throw new InvalidEvaluationInputError(path, `${what}: ${err}`);
  };
  check(options.referenceDate, '/referenceDate', 'reference date');
  items.forEach((it, k) => check(it.date, `/items/${k}/date`, `item "${it.id}"`));
  (options.credentialsHeld ?? []).forEach((h, k) => { if (h.awardedOn !== undefined) check(h.awardedOn, `/credentialsHeld/${k}/awardedOn`, `credential "${h.id}"`); });
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
      c.waivedBy[node.index] ??= ex.id;
    } else {
      const item = byItem.get(ex.itemId);
      if (!item) { ignore(`no item "${ex.itemId}"`); continue; }
      if (node.leaf < 0) { ignore('substitution needs a course, count or credits rule'); continue; }
      const leaf = c.leaves[node.leaf];
      if (!leaf.eligible.includes(item.index)) leaf.eligible = [...leaf.eligible, item.index].sort((x, y) => x - y);
      if (leaf.substitutedBy === NO_SUBSTITUTIONS) leaf.substitutedBy = new Map();
      leaf.substitutedBy.set(item.index, ex.id);
    }
    c.exceptionsApplied.push({ id: ex.id, kind: ex.kind, path: ex.path });
  }
}

/** Chooses one common denominator so the search compares credits as safe integers. */
function scaleCredits(c: CompiledProgram): void {
  let scale = 1n;
  const seen = new Set<bigint>();
  const widen = (d: bigint) => {
    if (d === 1n || seen.has(d)) return;
    seen.add(d);
    scale = lcm(scale, d);
  };
  for (const it of c.items) widen(it.credits.d);
  for (const n of c.nodes) widen(n.needCredits.d);
  for (const l of c.limits) if (l.maxCredits) widen(l.maxCredits.d);
  const small = scale <= 1_000_000n;
  const scaleNum = Number(scale);
  const toUnits = (r: Rational): number => {
    if (small && r.n <= 1_000_000_000n && r.n >= -1_000_000_000n) return Number(r.n) * (scaleNum / Number(r.d));
    const v = (r.n * scale) / r.d;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new InvalidEvaluationInputError('', 'credit amounts too large or too finely divided');
    return Number(v);
  };
  c.scale = scale;
  for (const it of c.items) it.units = toUnits(it.credits);
  c.needUnits = c.nodes.map((n) => (n.kind === 'credits' ? toUnits(n.needCredits) : 0));
  for (const l of c.leaves) if (l.kind === 'credits') l.needUnits = c.needUnits[l.node];
  for (const l of c.limits) l.maxUnits = l.maxCredits ? toUnits(l.maxCredits) : null;
}
