import { CompiledNode, CompiledProgram, fromUnits, rootLimits, unitsQuantity } from './compile-program';
import type { Claims } from './compiled.types';
import { CheckedCompletion } from './completion-check';
import { PlanEntry } from './completion-cost';
import { MissingEntry, MissingNeed, NodeEvaluation } from './evaluation.types';
import { describeFilter, filterMisses } from './filters';
import { itemName } from './item-names';
import { ItemFilter } from './program.types';
import { toDecimal } from './rational';

const MAX_NOTES = 5;

/**
 * 2.x: the registrar-facing list of what is still missing, as a completion of the reported
 * assignment: one entry per rule that needs more (a course, n items, credits; the degree total),
 * each with `need` (what new learning completes it, as a filter the items must match and where
 * they must be taken) and `notes` (why items the learner holds do not count there, named by title
 * and code). Never asks for a course the learner holds and may count: a course held but claimed by
 * another rule it cannot share with is reported as needing an exception instead.
 */
export function explainCompletion(c: CompiledProgram, claims: Claims, evaluations: NodeEvaluation[], completion: CheckedCompletion, totalHave: string): MissingEntry[] {
  const owner = ownerOf(claims);
  const parent = parentsOf(c);
  const out: MissingEntry[] = [];
  for (const entry of completion.entries) {
    const node = c.nodes[entry.node];
    const e = evaluations[entry.node];
    const notes = [...choiceNote(c, entry.node, parent, evaluations), ...notesFor(c, node, owner)];
    const message = messageFor(c, node, e, entry, owner);
    const need = needOf(c, node, entry);
    const m: MissingEntry = { rulePath: node.path, message };
    if (need) m.need = need;
    if (notes.length) m.notes = notes;
    e.missing = [message, ...notes];
    out.push(m);
  }
  if (completion.totalUnits > 0) {
    const credits = unitsQuantity(c, completion.totalUnits);
    const capped = rootLimits(c).length > 0;
    out.push({
      rulePath: '',
      message: `Earn ${credits.decimal} more ${c.program.creditUnit} credits in total (have ${totalHave} of ${toDecimal(c.totalCredits)})${capped ? ', as credit no cap limits (e.g. taken here)' : ''}`,
      need: { kind: 'total', credits, matching: {}, source: 'home' },
    });
  }
  return out;
}

function parentsOf(c: CompiledProgram): number[] {
  const parent = c.nodes.map(() => -1);
  for (const n of c.nodes) for (const ch of n.children) parent[ch] = n.index;
  return parent;
}

/** The nearest open choice above a rule (an any-of or N-of still short): the completion took one of its options. */
function choiceNote(c: CompiledProgram, node: number, parent: number[], evaluations: NodeEvaluation[]): string[] {
  let child = node;
  for (let p = parent[node]; p >= 0; child = p, p = parent[p]) {
    const n = c.nodes[p];
    if ((n.kind !== 'anyOf' && n.kind !== 'nOf') || evaluations[p].status === 'satisfied') continue;
    const open = n.children.filter((ch) => evaluations[ch].status !== 'satisfied');
    const more = (n.kind === 'anyOf' ? 1 : n.need) - n.children.filter((ch) => evaluations[ch].status === 'satisfied').length;
    if (open.length <= more) return [];
    const chosen = c.nodes[child];
    return [`${ruleName(n)}: satisfy ${more} more of: ${open.map((ch) => ruleName(c.nodes[ch])).join('; ')} (${ruleName(chosen)} leaves the least work)`];
  }
  return [];
}

function ownerOf(claims: Claims): Map<number, number[]> {
  const owner = new Map<number, number[]>();
  claims.forEach((items, leaf) => items.forEach((i) => owner.set(i, [...(owner.get(i) ?? []), leaf])));
  return owner;
}

function ruleName(n: CompiledNode): string {
  return n.label ? `${n.label} (${n.id})` : n.id;
}

function withoutCourse(f: ItemFilter | undefined): ItemFilter | undefined {
  if (!f) return undefined;
  const { courses: _c, ...rest } = f;
  return Object.keys(rest).length ? rest : undefined;
}

function messageFor(c: CompiledProgram, n: CompiledNode, e: NodeEvaluation, entry: PlanEntry, owner: Map<number, number[]>): string {
  const unit = c.program.creditUnit;
  const have = e.progress.have;
  const needQ = e.progress.need;
  switch (entry.kind) {
    case 'blocked': {
      const leaf = c.leaves[n.leaf];
      const held = leaf.eligible.find((i) => (owner.get(i) ?? []).some((l) => l !== leaf.index));
      const where = held === undefined ? [] : (owner.get(held) ?? []).map((l) => c.nodes[c.leaves[l].node].path);
      const what = held === undefined ? n.course ?? n.id : itemName(c.items[held].item);
      return `${ruleName(n)}: ${what} already counts toward ${where.join(', ')}, which this rule may not share; only a registrar's exception (a substitution or a waiver) completes it`;
    }
    case 'capped': {
      const lim = entry.limit !== undefined ? c.limits[entry.limit] : undefined;
      const cap = lim ? `${lim.label ?? 'the cap'} at ${c.nodes[lim.node].path || c.nodes[lim.node].id}` : 'a cap';
      return `${ruleName(n)}: ${cap} leaves no room for what this rule still lacks (have ${have.decimal} of ${needQ.decimal}); only a registrar's exception (a waiver) completes it`;
    }
    case 'course': {
      const extra = withoutCourse(n.filter);
      return `Complete ${n.course}${n.label ? ` (${n.label})` : ''}${extra ? `: ${describeFilter(extra)}` : ''}`;
    }
    case 'items': {
      const more = entry.count;
      return `${ruleName(n)}: complete ${more} more item${more === 1 ? '' : 's'} matching ${describeFilter(n.filter)} (have ${have.exact} of ${needQ.exact})`;
    }
    case 'credits':
      return `${ruleName(n)}: earn ${toDecimal(fromUnits(c, entry.units))} more ${unit} credits matching ${describeFilter(n.filter)} (have ${have.decimal} of ${needQ.decimal})`;
  }
}

function needOf(c: CompiledProgram, n: CompiledNode, entry: PlanEntry): MissingNeed | undefined {
  const matching: ItemFilter = { ...(n.filter ?? {}) };
  const source = matching.source ?? 'home';
  switch (entry.kind) {
    case 'blocked':
    case 'capped':
      return { kind: 'exception', rulePath: n.path };
    case 'course':
      return { kind: 'course', course: n.course ?? '', matching, source };
    case 'items':
      return { kind: 'items', items: entry.count, matching, source };
    case 'credits':
      return { kind: 'credits', credits: unitsQuantity(c, entry.units), matching, source };
  }
}

/** Why held items do not count toward this rule: claimed by another, left out by a cap, or failing one criterion. */
function notesFor(c: CompiledProgram, n: CompiledNode, owner: Map<number, number[]>): string[] {
  const out: string[] = [];
  const leaf = n.leaf >= 0 ? c.leaves[n.leaf] : undefined;
  for (const it of c.items) {
    if (out.length >= MAX_NOTES) break;
    if (n.course !== undefined && it.item.courseId !== n.course) continue;
    const mine = leaf ? (owner.get(it.index) ?? []).includes(leaf.index) : false;
    // a course asked for although the held one counts here now: the completion found that, once the
    // other rules get the new learning they lack, a cap leaves the held one no room (checkCompletion)
    if (mine && n.kind === 'course' && leaf && leaf.limits.length > 0) out.push(`${itemName(it.item)} counts here now, but is left out by a cap once the other rules get the new learning they still lack`);
    if (mine) continue;
    const misses = filterMisses(it.item, n.filter, c.referenceDate);
    const name = itemName(it.item);
    if (misses.length === 0 && leaf && leaf.eligible.includes(it.index)) {
      const others = (owner.get(it.index) ?? []).map((l) => c.nodes[c.leaves[l].node].path);
      if (others.length) out.push(`${name} already counts toward ${others.join(', ')}`);
      else if (leaf.limits.some((li) => c.limits[li].matches[it.index])) out.push(`${name} is left out by a cap`);
      continue;
    }
    if (misses.length > 0 && (misses.length === 1 || n.kind === 'course')) out.push(`${name} does not count here: ${misses.map((m) => m.message).join('; ')}`);
  }
  return out;
}
