import { CompiledConversion, convertCredits } from './credit-units';
import { InvalidEvaluationInputError } from './compile-program';
import { credentialOf, credentialRuleFor } from './credential-rules';
import { Rational, ZERO, add, isZero, parseRational } from './rational';
import { checkEvidence, EvidenceCheck, learningKey } from './recognition-checks';
import { Grant, RecognitionContext, RecognitionEvidence, RecognitionPolicy } from './recognition.types';

/** One piece of evidence as the 2.x recognition sees it before the cap. */
export interface Candidate {
  ev: RecognitionEvidence;
  check: EvidenceCheck;
  /** Credits it would be granted, in the policy's unit. */
  full: Rational;
  grant: Grant | undefined;
  /** Policy-declared priority for the cap's tie-break (equivalency or credential rule; default 0). */
  priority: number;
  /**
   * denied: a reason other than the cap; recognized: accepted without credit of its own (a
   * credential counted through its components, or worth no credits); candidate: would be granted
   * `full`, if the cap allows.
   */
  status: 'denied' | 'recognized' | 'candidate';
}

/** Every piece of evidence checked against the policy (everything that does not depend on the cap), in input order. */
export function recognitionCandidates(policy: RecognitionPolicy, evidence: readonly RecognitionEvidence[], ctx: RecognitionContext, conversion: CompiledConversion): { candidates: Candidate[]; alreadyUsed: Rational } {
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
  const seen = new Set<string>();
  const ordered = [...evidence].sort(byDateThenId);
  const candidates = new Map<string, Candidate>();
  for (const ev of ordered) {
    const check = checkEvidence(policy, ev, ctx, conversion, true);
    const key = learningKey(ev.issuer, ev.code);
    if (prior.has(`id\u0000${ev.id}`) || prior.has(key)) {
      check.reasons.push('ALREADY_RECOGNIZED');
      check.messages.push(`${ev.issuer} ${ev.code} is already recognized for this learner`);
    } else if (seen.has(key)) {
      check.reasons.push('DUPLICATE_EVIDENCE');
      check.messages.push(`${ev.issuer} ${ev.code} appears more than once`);
    }
    seen.add(key);
    const grant = check.equivalency?.grant;
    const full = grant?.credits !== undefined ? parseRational(grant.credits) : check.credits ?? ZERO;
    const rule = ev.kind === 'credential' ? credentialRuleFor(policy, credentialOf(ev)) : undefined;
    const priority = check.equivalency?.priority ?? rule?.priority ?? 0;
    const status: Candidate['status'] = check.reasons.length > 0 ? 'denied' : check.mode === 'components' || isZero(full) ? 'recognized' : 'candidate';
    candidates.set(ev.id, { ev, check, full: check.mode === 'components' ? ZERO : full, grant, priority, status });
  }
  return { candidates: evidence.map((ev) => candidates.get(ev.id) as Candidate), alreadyUsed };
}

export function byDateThenId(a: RecognitionEvidence, b: RecognitionEvidence): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The cap's preference among candidates that help the program equally: higher priority, then older, then id. */
export function byPreference(a: Candidate, b: Candidate): number {
  return b.priority - a.priority || byDateThenId(a.ev, b.ev);
}
