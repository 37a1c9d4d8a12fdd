import { CompiledNode, CompiledProgram, fromUnits } from './compile-program';
import { PlanEntry } from './completion.types';
import { LearnerItem } from './learner-item.types';
import { ItemFilter } from './program.types';
import { toExact } from './rational';

/** Ids of synthesised items sort after every real id and are never valid request ids. */
export const COMPLETION_ITEM_PREFIX = '\u{10FFFF}completion';

export const isCompletionItem = (id: string): boolean => id.startsWith(COMPLETION_ITEM_PREFIX);

/**
 * What a completion entry asks for, as the item a learner would bring: it matches the rule's
 * filter and nothing else (a home completion unless the filter asks for transfer credit; the first
 * level, field, issuer, tag and credential type the filter lists; the filter's minimum grade; dated
 * on the reference date; in residence only if the filter says so). So it meets exactly the caps
 * that every item the rule accepts meets. Course and item entries carry no credits (their
 * credits are not known to the program: the total asks for the rest), credit entries carry theirs.
 */
export function completionItems(c: CompiledProgram, entry: PlanEntry, serial: { next: number }): LearnerItem[] {
  const node = c.nodes[entry.node];
  if (entry.kind === 'blocked' || entry.kind === 'capped') return [];
  if (entry.kind === 'credits') return [synthesise(c, node, node.course, fromUnitsText(c, entry.units), serial)];
  const courses = node.course !== undefined ? [node.course] : node.filter?.courses ? freshCourses(c, node.filter.courses) : [];
  const out: LearnerItem[] = [];
  for (let k = 0; k < entry.count; k++) {
    if (node.filter?.courses && node.course === undefined && k >= courses.length) break;
    out.push(synthesise(c, node, courses.length ? courses[Math.min(k, courses.length - 1)] : undefined, '0', serial));
  }
  return out;
}

/** Items for credits toward the degree total that no rule asks for: home completions, nothing else. */
export function totalItems(c: CompiledProgram, units: number, serial: { next: number }): LearnerItem[] {
  return [base(c, `total`, fromUnitsText(c, units), serial)];
}

function fromUnitsText(c: CompiledProgram, units: number): string {
  return toExact(fromUnits(c, units));
}

/** Courses of a list the learner holds no item of (a course is not taken twice). */
function freshCourses(c: CompiledProgram, courses: readonly string[]): string[] {
  const held = new Set(c.items.map((it) => it.item.courseId).filter((x): x is string => x !== undefined));
  return courses.filter((x) => !held.has(x));
}

function base(c: CompiledProgram, what: string, credits: string, serial: { next: number }): LearnerItem {
  return { id: `${COMPLETION_ITEM_PREFIX}:${what}:${String(serial.next++).padStart(4, '0')}`, source: 'home', credits, unit: c.program.creditUnit, date: c.referenceDate };
}

/** The item a rule's completion would bring (before its credits are known): see `completionItems`. */
export function completionTemplate(c: CompiledProgram, node: CompiledNode): LearnerItem {
  return synthesise(c, node, node.course ?? node.filter?.courses?.[0], '0', { next: 0 });
}

function synthesise(c: CompiledProgram, node: CompiledNode, courseId: string | undefined, credits: string, serial: { next: number }): LearnerItem {
  const item = base(c, node.path, credits, serial);
  const f: ItemFilter = node.filter ?? {};
  if (f.source) item.source = f.source;
  if (courseId !== undefined) item.courseId = courseId;
  if (f.levels?.length) item.level = f.levels[0];
  if (f.fields?.length) item.field = f.fields[0];
  if (f.issuers?.length) item.issuer = f.issuers[0];
  if (f.tags?.length) item.tags = [f.tags[0]];
  if (f.credentialTypes?.length) item.credentials = [{ id: `${COMPLETION_ITEM_PREFIX}:credential`, type: f.credentialTypes[0] }];
  if (f.minGrade !== undefined) item.grade = f.minGrade;
  if (f.inResidence === true) item.inResidence = true;
  if (f.assessmentTypes?.length) item.assessmentType = f.assessmentTypes[0];
  if (f.identityVerified === true) item.identityVerified = true;
  return item;
}
