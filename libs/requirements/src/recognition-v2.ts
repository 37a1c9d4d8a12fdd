import { DEFAULT_CONVERSION_TABLE_ID, compileConversion, conversionTableJson } from './credit-units';
import { InvalidEvaluationInputError } from './compile-program';
import { dateError } from './dates';
import { LearnerItem } from './learner-item.types';
import { Rational, ZERO, add, cmp, isZero, sub, toDecimal, toExact, toQuantity } from './rational';
import { Candidate, byPreference, recognitionCandidates } from './recognition-candidates';
import { isEffective, name } from './recognition-checks';
import { capCredits } from './recognition-v1';
import { RecognitionContext, RecognitionDecision, RecognitionEvaluation, RecognitionEvidence, RecognitionPolicy } from './recognition.types';

/** Which candidates the cap grants: in full, one in part (elective credit), and why each other lost out. */
export interface Allocation {
  full: Set<string>;
  partial: { id: string; amount: Rational } | null;
  /** Per evidence id left out: why (the cap's explanation adds who used it). */
  lostBecause: Map<string, string>;
}

export interface PreparedRecognition {
  policy: RecognitionPolicy;
  ctx: RecognitionContext;
  candidates: Candidate[];
  alreadyUsed: Rational;
  cap: Rational | null;
  /** Cap room for this evaluation's evidence (null: no cap). */
  remaining: Rational | null;
  conversion: ReturnType<typeof compileConversion>;
}

/** 2.x, step one: every check that does not depend on the cap, and the cap's room. */
export function prepareRecognition(policy: RecognitionPolicy, evidence: readonly RecognitionEvidence[], ctx: RecognitionContext): PreparedRecognition {
  const conversion = compileConversion(policy.conversion);
  const bad = [{ path: '/referenceDate', what: 'reference date', date: ctx.referenceDate as unknown }, ...evidence.map((ev, k) => ({ path: `/evidence/${k}/date`, what: `evidence "${ev.id}"`, date: ev.date as unknown }))]
    .find((d) => dateError(d.date) !== null);
  if (bad) throw new InvalidEvaluationInputError(bad.path, `${bad.what}: ${dateError(bad.date)}`);
  const cap = capCredits(policy, ctx);
  const { candidates, alreadyUsed } = recognitionCandidates(policy, evidence, ctx, conversion);
  const remaining = cap === null ? null : maxZero(sub(cap, alreadyUsed));
  return { policy, ctx, candidates, alreadyUsed, cap, remaining, conversion };
}

/** The candidates that would be granted were there no cap. */
export const pooled = (p: PreparedRecognition): Candidate[] => p.candidates.filter((c) => c.status === 'candidate');

/** Does the cap bind (the pooled candidates do not all fit)? */
export function capBinds(p: PreparedRecognition): boolean {
  if (p.remaining === null) return false;
  const sum = pooled(p).reduce((a, c) => add(a, c.full), ZERO);
  return cmp(sum, p.remaining) > 0;
}

/** Without a program to serve: whole items in preference order while they fit, then the rest of the room to the first left out. */
export function preferenceAllocation(p: PreparedRecognition): Allocation {
  const pool = pooled(p).sort(byPreference);
  const full = new Set<string>();
  const lostBecause = new Map<string, string>();
  let room = p.remaining;
  for (const c of pool) {
    if (room === null || cmp(c.full, room) <= 0) {
      full.add(c.ev.id);
      if (room !== null) room = sub(room, c.full);
    } else lostBecause.set(c.ev.id, 'earlier or higher-priority evidence filled the cap first');
  }
  return withPartial(p, { full, partial: null, lostBecause });
}

/** What room is left after the whole grants goes, as elective credit, to the most preferred candidate left out. */
export function withPartial(p: PreparedRecognition, a: Allocation): Allocation {
  if (p.remaining === null) return a;
  const used = pooled(p).filter((c) => a.full.has(c.ev.id)).reduce((acc, c) => add(acc, c.full), ZERO);
  const room = sub(p.remaining, used);
  if (cmp(room, ZERO) <= 0) return a;
  const next = pooled(p).sort(byPreference).find((c) => !a.full.has(c.ev.id));
  return next ? { ...a, partial: { id: next.ev.id, amount: room } } : a;
}

/** 2.x, step two: decisions and the recognised items from an allocation. */
export function assembleRecognition(p: PreparedRecognition, a: Allocation, version: string): RecognitionEvaluation {
  const { policy } = p;
  const unit = policy.creditUnit;
  const grantedNames = pooled(p).filter((c) => a.full.has(c.ev.id) || a.partial?.id === c.ev.id).sort(byPreference)
    .map((c) => `${c.ev.code} (${toDecimal(a.partial?.id === c.ev.id ? a.partial.amount : c.full)})`);
  let granted = ZERO;
  const decisions: RecognitionDecision[] = [];
  const recognizedItems: LearnerItem[] = [];
  for (const c of p.candidates) {
    const { ev, check } = c;
    const d: RecognitionDecision = {
      evidenceId: ev.id, decision: 'denied', grantedAs: null, creditsOffered: toQuantity(c.full), creditsGranted: toQuantity(ZERO),
      reasons: [...check.reasons], messages: [...check.messages],
    };
    if (ev.evidenceEventId !== undefined) d.evidenceEventId = ev.evidenceEventId;
    if (check.equivalency) d.equivalencyId = check.equivalency.id;
    if (c.status === 'recognized') {
      d.decision = 'recognized';
      if (check.mode === 'components') {
        d.reasons.unshift('RECOGNIZED_THROUGH_COMPONENTS');
        d.messages.unshift(`${name(ev)} is recognized through its components: each of its courses is evaluated on its own, the credential adds no credit of its own`);
      } else {
        d.grantedAs = c.grant?.as === 'course' ? { as: 'course', courseId: c.grant.courseId } : { as: 'elective' };
        d.reasons.unshift(d.grantedAs.as === 'course' ? 'EQUIVALENT_COURSE' : 'ELECTIVE_CREDIT', 'NO_CREDIT');
        d.messages.unshift(`${name(ev)} recognized ${d.grantedAs.as === 'course' ? `as ${d.grantedAs.courseId}` : 'as elective credit'}, worth no credits`);
        recognizedItems.push(recognizedItem(ev, d, ZERO, policy));
      }
    } else if (c.status === 'candidate') {
      const amount = a.full.has(ev.id) ? c.full : a.partial?.id === ev.id ? a.partial.amount : ZERO;
      if (isZero(amount)) {
        d.reasons.push('CAP_EXCEEDED');
        d.messages.push(`transfer cap of ${toDecimal(p.cap ?? ZERO)} ${unit}${isZero(p.alreadyUsed) ? '' : ` (${toDecimal(p.alreadyUsed)} already recognized)`} used by ${grantedNames.join(', ') || 'earlier recognitions'}${a.lostBecause.has(ev.id) ? `: ${a.lostBecause.get(ev.id)}` : ''}`);
      } else {
        const asCourse = a.full.has(ev.id) && c.grant?.as === 'course';
        d.decision = a.full.has(ev.id) ? 'granted' : 'partially-granted';
        d.grantedAs = asCourse && c.grant?.as === 'course' ? { as: 'course', courseId: c.grant.courseId } : { as: 'elective' };
        d.reasons.unshift(d.grantedAs.as === 'course' ? 'EQUIVALENT_COURSE' : 'ELECTIVE_CREDIT');
        d.messages.unshift(`${name(ev)} recognized ${d.grantedAs.as === 'course' ? `as ${d.grantedAs.courseId}` : 'as elective credit'}: ${toDecimal(amount)} ${unit}`);
        if (d.decision === 'partially-granted') {
          d.reasons.push('CAP_EXCEEDED');
          d.messages.push(`transfer cap of ${toDecimal(p.cap ?? ZERO)} ${unit} leaves ${toDecimal(amount)} of ${toDecimal(c.full)} (granted in full: ${grantedNames.filter((n) => !n.startsWith(`${ev.code} `)).join(', ') || 'none'})`);
        }
        d.creditsGranted = toQuantity(amount);
        granted = add(granted, amount);
        recognizedItems.push(recognizedItem(ev, d, amount, policy));
      }
    }
    decisions.push(d);
  }
  const count = (k: RecognitionDecision['decision']) => decisions.filter((x) => x.decision === k).length;
  return {
    engineVersion: version,
    policy: { id: policy.id, version: policy.version, receivingInstitution: policy.receivingInstitution },
    referenceDate: p.ctx.referenceDate,
    creditUnit: unit,
    conversionTable: { id: policy.conversionTableId ?? (policy.conversion ? `${policy.id}@${policy.version}` : DEFAULT_CONVERSION_TABLE_ID), ectsPerUnit: conversionTableJson(p.conversion) },
    policyEffective: isEffective(policy, p.ctx.referenceDate),
    cap: {
      maxCredits: p.cap === null ? null : toQuantity(p.cap),
      alreadyUsed: toQuantity(p.alreadyUsed),
      granted: toQuantity(granted),
      remaining: p.cap === null ? null : toQuantity(maxZero(sub(p.cap, add(p.alreadyUsed, granted)))),
    },
    decisions,
    totals: { granted: toQuantity(granted), grantedCount: count('granted'), partialCount: count('partially-granted'), deniedCount: count('denied'), recognizedCount: count('recognized') },
    recognizedItems,
  };
}

/** 2.x recognition on its own (no program to serve): the cap goes by priority, then date. */
export function evaluateRecognitionV2(policy: RecognitionPolicy, evidence: readonly RecognitionEvidence[], ctx: RecognitionContext, version: string): RecognitionEvaluation {
  const p = prepareRecognition(policy, evidence, ctx);
  return assembleRecognition(p, preferenceAllocation(p), version);
}

function maxZero(r: Rational): Rational {
  return cmp(r, ZERO) < 0 ? ZERO : r;
}

/** Granted credit as a learner item for the program evaluation (`recognized:<evidence id>`). */
export function recognizedItem(ev: RecognitionEvidence, d: Pick<RecognitionDecision, 'grantedAs' | 'equivalencyId'>, amount: Rational, policy: RecognitionPolicy): LearnerItem {
  const grant = d.grantedAs;
  const eqGrant = policy.equivalencies?.find((e) => e.id === d.equivalencyId)?.grant;
  const item: LearnerItem = { id: `recognized:${ev.id}`, source: 'transfer', credits: toExact(amount), unit: policy.creditUnit, issuer: ev.issuer, date: ev.date, code: ev.code };
  if (grant?.as === 'course') item.courseId = grant.courseId;
  if (ev.title !== undefined) item.title = ev.title;
  if (ev.level !== undefined) item.level = ev.level;
  const field = eqGrant?.as === 'elective' && eqGrant.field ? eqGrant.field : ev.field;
  if (field !== undefined) item.field = field;
  if (ev.grade !== undefined) item.grade = ev.grade;
  if (ev.assessmentType !== undefined) item.assessmentType = ev.assessmentType;
  if (ev.identityVerified !== undefined) item.identityVerified = ev.identityVerified;
  if (ev.credential) item.credentials = [{ id: ev.credential.id, ...(ev.credential.type ? { type: ev.credential.type } : {}), ...(ev.credential.code ? { code: ev.credential.code } : {}) }];
  const tags = [...(ev.tags ?? []), ...(eqGrant?.as === 'elective' ? eqGrant.tags ?? [] : [])];
  if (tags.length) item.tags = [...new Set(tags)].sort();
  if (ev.evidenceEventId !== undefined) item.evidenceEventId = ev.evidenceEventId;
  return item;
}
