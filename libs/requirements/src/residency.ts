import { CompiledProgram } from './compile-program';
import { withinYears } from './dates';
import { PathwayCheck, ResidencyOutcome, ResidencyRequirementOut } from './evaluation.types';
import { EvaluateProgramOptions, HeldCredential } from './learner-item.types';
import { PathwayCondition, ReducedResidencyPathway, RequirementNode, ResidencyRequirement } from './program.types';
import { ZERO, add, cmp, parseRational, toQuantity } from './rational';

export interface ResidencyContext {
  /** Whether the learner's items can satisfy the main-tree rule with this id (an exact check of its own). */
  ruleSatisfied: (ruleId: string) => boolean;
  /** Evaluates an inline sub-tree against the same items (consuming nothing of the main tree). */
  subtreeSatisfied: (node: RequirementNode) => boolean;
}

/**
 * Standard residency, or the first reduced pathway (in declared order) whose conditions all hold;
 * `not-eligible` when none holds and the program has no standard route.
 */
export function evaluateResidency(c: CompiledProgram, options: EvaluateProgramOptions, ctx: ResidencyContext, names = false): ResidencyOutcome {
  const rules = c.program.residency;
  if (!rules) {
    return { defined: false, outcome: 'standard', pathway: null, requirement: {}, standard: {}, pathwaysConsidered: [], progress: {}, satisfied: true };
  }
  const considered = (rules.reducedPathways ?? []).map((p) => checkPathway(p, options, ctx, names));
  const chosenIndex = considered.findIndex((p) => p.applies);
  const chosen = chosenIndex >= 0 ? (rules.reducedPathways ?? [])[chosenIndex] : undefined;
  const requirement = chosen ? chosen.residency : rules.standard;
  if (!requirement) {
    return { defined: true, outcome: 'not-eligible', pathway: null, requirement: {}, standard: null, pathwaysConsidered: considered, progress: {}, satisfied: false };
  }
  const progress = residencyProgress(c, requirement, options);
  const parts = Object.values(progress).map((p) => p.satisfied);
  const satisfied = parts.some((s) => s === false) ? false : parts.some((s) => s === null) ? null : true;
  return {
    defined: true,
    outcome: chosen ? 'reduced' : 'standard',
    pathway: chosen ? withLabel({ id: chosen.id }, chosen.label) : null,
    requirement: requirementOut(requirement),
    standard: rules.standard ? requirementOut(rules.standard) : null,
    pathwaysConsidered: considered,
    progress,
    satisfied,
  };
}

function withLabel<T extends object>(o: T, label: string | undefined): T & { label?: string } {
  return label === undefined ? o : { ...o, label };
}

function checkPathway(p: ReducedResidencyPathway, options: EvaluateProgramOptions, ctx: ResidencyContext, names: boolean): PathwayCheck {
  const reasons: string[] = [];
  const basis: string[] = [];
  const credentialIds: string[] = [];
  for (const cond of p.requires) checkCondition(cond, options, ctx, reasons, basis, names, credentialIds);
  const check = withLabel({ id: p.id, applies: reasons.length === 0, reasons, basis }, p.label) as PathwayCheck;
  if (names) check.credentialIds = credentialIds;
  return check;
}

function checkCondition(cond: PathwayCondition, options: EvaluateProgramOptions, ctx: ResidencyContext, reasons: string[], basis: string[], names: boolean, credentialIds: string[]): void {
  if ('rule' in cond) {
    if (ctx.ruleSatisfied(cond.rule)) basis.push(`rule ${cond.rule} satisfied`);
    else reasons.push(`rule ${cond.rule} is not satisfied`);
    return;
  }
  if ('requirement' in cond) {
    if (ctx.subtreeSatisfied(cond.requirement)) basis.push(`requirement ${cond.requirement.id} satisfied`);
    else reasons.push(`requirement ${cond.requirement.label ?? cond.requirement.id} is not satisfied`);
    return;
  }
  const want = cond.credential;
  const what = want.code ?? want.type ?? want.issuer ?? 'credential';
  const held = [...(options.credentialsHeld ?? [])]
    .filter((h) => matches(h, want))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (held.length === 0) {
    reasons.push(`no ${what} credential held`);
    return;
  }
  const name = (h: HeldCredential) => (names ? credentialName(h) : h.id);
  const complete = held.filter((h) => h.complete === true);
  if (complete.length === 0) {
    reasons.push(`${what} credential ${held.map(name).join(', ')} is incomplete`);
    return;
  }
  const fresh = complete.filter((h) => want.maxAgeYears === undefined || (h.awardedOn !== undefined && withinYears(h.awardedOn, want.maxAgeYears, options.referenceDate)));
  if (fresh.length === 0) {
    reasons.push(`${what} credential ${complete.map(name).join(', ')} was awarded more than ${want.maxAgeYears} years before ${options.referenceDate}`);
    return;
  }
  credentialIds.push(fresh[0].id);
  if (names) basis.push(`credential ${credentialName(fresh[0])}${fresh[0].awardedOn ? `, awarded ${fresh[0].awardedOn}` : ''}`);
  else basis.push(`credential ${fresh[0].id}${fresh[0].evidenceEventId ? ` (event ${fresh[0].evidenceEventId})` : ''}`);
}

/** What the missing list says of a residency not complete, or of a program no route admits to. */
export function residencyMissingMessage(r: ResidencyOutcome): string {
  if (r.outcome !== 'not-eligible') return `Residency (${r.outcome}${r.pathway ? `: ${r.pathway.id}` : ''}) is not yet complete`;
  const why = r.pathwaysConsidered.map((p) => `${p.label ?? p.id}: ${p.reasons.join('; ')}`).join(' | ');
  return `Not eligible for this program: it has no standard route, and no pathway applies (${why})`;
}

/** A held credential by code and title ("MITx-SCM-MM (MicroMasters in Supply Chain Management)"), never by id when it has either. */
export function credentialName(h: Pick<HeldCredential, 'id' | 'code' | 'title' | 'type'>): string {
  const code = h.code ?? h.type;
  if (h.title !== undefined) return code !== undefined ? `${code} (${h.title})` : h.title;
  return code ?? h.id;
}

function matches(h: HeldCredential, want: { code?: string; type?: string; issuer?: string }): boolean {
  return (want.code === undefined || h.code === want.code) && (want.type === undefined || h.type === want.type) && (want.issuer === undefined || h.issuer === want.issuer);
}

function requirementOut(r: ResidencyRequirement): ResidencyRequirementOut {
  const out: ResidencyRequirementOut = {};
  if (r.months !== undefined) out.months = r.months;
  if (r.terms !== undefined) out.terms = r.terms;
  if (r.credits !== undefined) out.credits = toQuantity(parseRational(r.credits));
  if (r.courses !== undefined) out.courses = [...r.courses];
  if (r.description !== undefined) out.description = r.description;
  return out;
}

function residencyProgress(c: CompiledProgram, r: ResidencyRequirement, options: EvaluateProgramOptions): ResidencyOutcome['progress'] {
  const progress: ResidencyOutcome['progress'] = {};
  const inRes = c.items.filter((it) => it.item.inResidence);
  if (r.credits !== undefined) {
    const need = parseRational(r.credits);
    const have = inRes.reduce((acc, it) => add(acc, it.credits), ZERO);
    progress.credits = { have: toQuantity(have), need: toQuantity(need), satisfied: cmp(have, need) >= 0 };
  }
  if (r.courses !== undefined) {
    const done = new Set(inRes.map((it) => it.item.courseId));
    const completed = r.courses.filter((x) => done.has(x));
    const missing = r.courses.filter((x) => !done.has(x));
    progress.courses = { completed, missing, satisfied: missing.length === 0 };
  }
  for (const key of ['months', 'terms'] as const) {
    const need = r[key];
    if (need === undefined) continue;
    const have = options.residenceCompleted?.[key];
    progress[key] = { have: have ?? null, need, satisfied: have === undefined ? null : have >= need };
  }
  return progress;
}
