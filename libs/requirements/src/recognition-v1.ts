import { dateError } from './dates';
import { DEFAULT_CONVERSION_TABLE_ID, compileConversion, conversionTableJson, convertCredits } from './credit-units';
import { InvalidEvaluationInputError } from './compile-program';
import { LearnerItem } from './learner-item.types';
import { Rational, ZERO, add, cmp, isZero, min, mul, parseRational, sub, toDecimal, toExact, toQuantity } from './rational';
import { checkEvidence, isEffective, learningKey } from './recognition-checks';
import { RecognitionContext, RecognitionDecision, RecognitionEvaluation, RecognitionEvidence, RecognitionPolicy } from './recognition.types';

/**
 * Engine 1.x. Evaluates each piece of evidence against a recognition policy version: granted (as an
 * internal course or elective credit), partially granted (the cap ran out) or denied,
 * with reason codes. Evidence is taken in date order (then id) so the cap is applied
 * deterministically; all arithmetic is exact.
 */
export function evaluateRecognitionV1(policy: RecognitionPolicy, evidence: readonly RecognitionEvidence[], ctx: RecognitionContext, version = '1.1.0'): RecognitionEvaluation {
  const conversion = compileConversion(policy.conversion);
  const bad = [{ path: '/referenceDate', what: 'reference date', date: ctx.referenceDate as unknown }, ...evidence.map((ev, k) => ({ path: `/evidence/${k}/date`, what: `evidence "${ev.id}"`, date: ev.date as unknown }))]
    .find((d) => dateError(d.date) !== null);
  if (bad) throw new InvalidEvaluationInputError(bad.path, `${bad.what}: ${dateError(bad.date)}`);
  const cap = capCredits(policy, ctx);
  const prior = new Set<string>();
  let alreadyUsed = ZERO;
  for (const [k, r] of (ctx.alreadyRecognized ?? []).entries()) {
    if (r.evidenceId) prior.add(`id\u0000${r.evidenceId}`);
    if (r.code) prior.add(learningKey(r.issuer, r.code));
    try {
      alreadyUsed = add(alreadyUsed, convertCredits(parseRational(r.credits), r.unit ?? policy.creditUnit, policy.creditUnit, conversion));
    } catch (e) {
      throw new InvalidEvaluationInputError(`/alreadyRecognized/${k}`, (e as Error).message);
    }
  }
  const ordered = [...evidence].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seen = new Set<string>();
  let granted = ZERO;
  const decisions: RecognitionDecision[] = [];
  const recognizedItems: LearnerItem[] = [];
  for (const ev of ordered) {
    const check = checkEvidence(policy, ev, ctx, conversion);
    const key = learningKey(ev.issuer, ev.code);
    if (prior.has(`id\u0000${ev.id}`) || prior.has(key)) {
      check.reasons.push('ALREADY_RECOGNIZED');
      check.messages.push(`${ev.issuer} ${ev.code} is already recognized for this learner`);
    } else if (seen.has(key)) {
      check.reasons.push('DUPLICATE_EVIDENCE');
      check.messages.push(`${ev.issuer} ${ev.code} appears more than once in this request`);
    }
    seen.add(key);
    const grant = check.equivalency?.grant;
    const full = grant?.credits !== undefined ? parseRational(grant.credits) : check.credits ?? ZERO;
    const decision: RecognitionDecision = {
      evidenceId: ev.id,
      decision: 'denied',
      grantedAs: null,
      creditsOffered: toQuantity(full),
      creditsGranted: toQuantity(ZERO),
      reasons: check.reasons,
      messages: check.messages,
    };
    if (ev.evidenceEventId !== undefined) decision.evidenceEventId = ev.evidenceEventId;
    if (check.equivalency) decision.equivalencyId = check.equivalency.id;
    if (check.reasons.length === 0) {
      const remaining = cap === null ? null : sub(cap, add(alreadyUsed, granted));
      let amount = full;
      let asCourse = grant?.as === 'course';
      if (remaining !== null && cmp(full, remaining) > 0) {
        amount = cmp(remaining, ZERO) > 0 ? remaining : ZERO;
        asCourse = false;
        decision.reasons.push('CAP_EXCEEDED');
        decision.messages.push(`transfer cap of ${toDecimal(cap ?? ZERO)} ${policy.creditUnit} leaves ${toDecimal(amount)} of ${toDecimal(full)}`);
      }
      if (!isZero(amount) || isZero(full)) {
        decision.decision = cmp(amount, full) === 0 ? 'granted' : 'partially-granted';
        decision.grantedAs = asCourse && grant?.as === 'course' ? { as: 'course', courseId: grant.courseId } : { as: 'elective' };
        decision.reasons.unshift(decision.grantedAs.as === 'course' ? 'EQUIVALENT_COURSE' : 'ELECTIVE_CREDIT');
        decision.messages.unshift(grantMessage(ev, decision, amount, policy.creditUnit));
        decision.creditsGranted = toQuantity(amount);
        granted = add(granted, amount);
        recognizedItems.push(toItem(ev, decision, amount, policy));
      }
    }
    decisions.push(decision);
  }
  const count = (d: RecognitionDecision['decision']) => decisions.filter((x) => x.decision === d).length;
  return {
    engineVersion: version,
    policy: { id: policy.id, version: policy.version, receivingInstitution: policy.receivingInstitution },
    referenceDate: ctx.referenceDate,
    creditUnit: policy.creditUnit,
    conversionTable: { id: policy.conversionTableId ?? (policy.conversion ? `${policy.id}@${policy.version}` : DEFAULT_CONVERSION_TABLE_ID), ectsPerUnit: conversionTableJson(conversion) },
    policyEffective: isEffective(policy, ctx.referenceDate),
    cap: {
      maxCredits: cap === null ? null : toQuantity(cap),
      alreadyUsed: toQuantity(alreadyUsed),
      granted: toQuantity(granted),
      remaining: cap === null ? null : toQuantity(maxZero(sub(cap, add(alreadyUsed, granted)))),
    },
    decisions,
    totals: { granted: toQuantity(granted), grantedCount: count('granted'), partialCount: count('partially-granted'), deniedCount: count('denied') },
    recognizedItems,
  };
}

function maxZero(r: Rational): Rational {
  return cmp(r, ZERO) < 0 ? ZERO : r;
}

export function capCredits(policy: RecognitionPolicy, ctx: RecognitionContext): Rational | null {
  const cap = policy.transferCap;
  if (!cap) return null;
  const byCredits = cap.maxCredits !== undefined ? parseRational(cap.maxCredits) : null;
  let byFraction: Rational | null = null;
  if (cap.maxFraction !== undefined) {
    const total = cap.programTotalCredits ?? ctx.programTotalCredits;
    if (total === undefined) throw new InvalidEvaluationInputError('/transferCap/maxFraction', 'a fractional cap needs programTotalCredits (policy or context)');
    byFraction = mul(parseRational(cap.maxFraction), parseRational(total));
  }
  return byCredits && byFraction ? min(byCredits, byFraction) : byCredits ?? byFraction;
}

function grantMessage(ev: RecognitionEvidence, d: RecognitionDecision, amount: Rational, unit: string): string {
  const as = d.grantedAs?.as === 'course' ? `as ${d.grantedAs.courseId}` : 'as elective credit';
  return `${ev.issuer} ${ev.code} recognized ${as}: ${toDecimal(amount)} ${unit}`;
}

function toItem(ev: RecognitionEvidence, d: RecognitionDecision, amount: Rational, policy: RecognitionPolicy): LearnerItem {
  const grant = d.grantedAs;
  const eqGrant = policy.equivalencies?.find((e) => e.id === d.equivalencyId)?.grant;
  const item: LearnerItem = { id: `recognized:${ev.id}`, source: 'transfer', credits: toExact(amount), unit: policy.creditUnit, issuer: ev.issuer, date: ev.date };
  if (grant?.as === 'course') item.courseId = grant.courseId;
  if (ev.title !== undefined) item.title = ev.title;
  if (ev.level !== undefined) item.level = ev.level;
  const field = eqGrant?.as === 'elective' && eqGrant.field ? eqGrant.field : ev.field;
  if (field !== undefined) item.field = field;
  if (ev.grade !== undefined) item.grade = ev.grade;
  if (ev.credential) item.credentials = [{ id: ev.credential.id, ...(ev.credential.type ? { type: ev.credential.type } : {}), ...(ev.credential.code ? { code: ev.credential.code } : {}) }];
  const tags = [...(ev.tags ?? []), ...(eqGrant?.as === 'elective' ? eqGrant.tags ?? [] : [])];
  if (tags.length) item.tags = [...new Set(tags)].sort();
  if (ev.evidenceEventId !== undefined) item.evidenceEventId = ev.evidenceEventId;
  return item;
}
