import { CompiledConversion, convertCredits } from './credit-units';
import { onOrBefore, withinYears, yearsBetween } from './dates';
import { DEFAULT_LETTER_TABLE, describeGrade, meetsMinimum, minimumMiss, normalizeGrade } from './grades';
import { Rational, parseRational } from './rational';
import { componentOf, credentialLabel, credentialMode, credentialOf, credentialRuleFor } from './credential-rules';
import { Equivalency, ReasonCode, RecognitionContext, RecognitionEvidence, RecognitionPolicy } from './recognition.types';

export interface EvidenceCheck {
  reasons: ReasonCode[];
  messages: string[];
  equivalency?: Equivalency;
  /** Credits offered in the policy's unit (null if the unit is unknown). */
  credits: Rational | null;
  /** 2.x, credentials: recognised as a whole or through their components. */
  mode?: 'whole' | 'components';
}

/** 2.x: what the policy asks of verified credentials (requireVerified, refuseUnknownStatus, acceptedIssuerDids). */
function checkVerification(policy: RecognitionPolicy, ev: RecognitionEvidence, deny: (code: ReasonCode, message: string) => void): void {
  const v = ev.verification;
  if (!v) {
    if (policy.requireVerified) deny('VERIFICATION_REQUIRED', `${name(ev)} is not a presented, verified credential; this policy credits verified credentials only`);
    return;
  }
  if (policy.refuseUnknownStatus && v.status === 'unknown') deny('STATUS_UNKNOWN', `the revocation status of ${name(ev)} could not be established (its status list was not available or did not verify)`);
  if (policy.acceptedIssuerDids && !policy.acceptedIssuerDids.includes(v.issuerDid)) deny('ISSUER_DID_NOT_ACCEPTED', `${name(ev)} is signed by ${v.issuerDid}, not by ${policy.acceptedIssuerDids.join(' or ')}`);
}

/** Everything about one piece of evidence that does not depend on the cap or on the others. */
export function checkEvidence(policy: RecognitionPolicy, ev: RecognitionEvidence, ctx: RecognitionContext, conversion: CompiledConversion, exclusive = false): EvidenceCheck {
  const reasons: ReasonCode[] = [];
  const messages: string[] = [];
  const deny = (code: ReasonCode, message: string) => {
    reasons.push(code);
    messages.push(message);
  };
  const ref = ctx.referenceDate;
  if (!isEffective(policy, ref)) deny('POLICY_NOT_EFFECTIVE', `policy ${policy.id} v${policy.version} is not in effect on ${ref}`);
  if (policy.admissionRequired && !ctx.admitted) deny('ADMISSION_REQUIRED', 'the learner must be admitted before credit is recognized');
  if (!policy.acceptedIssuers.includes(ev.issuer)) deny('ISSUER_NOT_ACCEPTED', `issuer ${ev.issuer} is not accepted by this policy`);
  let credits: Rational | null = null;
  try {
    credits = convertCredits(parseRational(ev.credits), ev.unit, policy.creditUnit, conversion);
  } catch {
    deny('UNIT_UNKNOWN', `credit unit ${ev.unit} has no conversion in this policy`);
  }
  if (policy.completeCredentialRequired) {
    if (!ev.credential) deny('CREDENTIAL_INCOMPLETE', `${ev.code} is not part of a completed credential`);
    else if (!ev.credential.complete) deny('CREDENTIAL_INCOMPLETE', `credential ${ev.credential.code ?? ev.credential.id} is not complete`);
  }
  if (policy.levels && !(ev.level && policy.levels.includes(ev.level))) {
    deny('LEVEL_MISMATCH', `level ${ev.level ?? 'unknown'} is not ${policy.levels.join(' or ')}`);
  }
  if (exclusive) {
    if (policy.excludeFields && ev.field !== undefined && policy.excludeFields.includes(ev.field)) deny('FIELD_EXCLUDED', `${name(ev)} is in field ${ev.field}, which this policy does not credit`);
    if (policy.identityVerifiedRequired && ev.identityVerified !== true) deny('IDENTITY_NOT_VERIFIED', `${name(ev)} was ${ev.identityVerified === false ? 'not' : 'not shown to be'} assessed with the learner's identity verified`);
    if (policy.assessmentTypes && !(ev.assessmentType !== undefined && policy.assessmentTypes.includes(ev.assessmentType))) {
      deny('ASSESSMENT_NOT_ACCEPTED', `${name(ev)} was assessed by ${ev.assessmentType ?? 'an unstated method'}, not ${policy.assessmentTypes.join(' or ')}`);
    }
    checkVerification(policy, ev, deny);
    return checkExclusive(policy, ev, ctx, { reasons, messages, credits, deny });
  }
  const equivalency = findEquivalency(policy, ev);
  const minGrade = equivalency?.minGrade ?? policy.minGrade;
  if (minGrade !== undefined) {
    const letters = policy.letterGrades ?? DEFAULT_LETTER_TABLE;
    if (ev.grade === undefined || !normalizeGrade(ev.grade, letters)) deny('GRADE_MISSING', `${ev.code} has no readable grade; minimum is ${describeGrade(minGrade)}`);
    else if (!meetsMinimum(ev.grade, minGrade, letters)) deny('BELOW_MIN_GRADE', minimumMiss(ev.grade, minGrade, letters));
  }
  if (policy.maxAgeYears !== undefined && !withinYears(ev.date, policy.maxAgeYears, ref)) {
    const after = onOrBefore(ref, ev.date) && ev.date !== ref;
    deny('TOO_OLD', after ? `${ev.code} dates from ${ev.date}, after the reference date ${ref}` : `${ev.code} dates from ${ev.date}, ${yearsBetween(ev.date, ref)} years before ${ref}; the limit is ${policy.maxAgeYears}`);
  }
  if (!equivalency && policy.unmatched !== 'elective') deny('NO_EQUIVALENCY', `${ev.issuer} ${ev.code} has no equivalency in this policy`);
  return { reasons, messages, equivalency, credits };
}

/**
 * 2.x: the rest of the checks, where a credential is recognised as a whole or through its
 * components, never both. A credential recognised through its components is judged as a
 * credential (accepted issuer, complete, level, age; not by a grade or an equivalency it does not
 * need); a course that is a component of a credential recognised as a whole counts only through
 * it; a credential's own rule may require it complete for its components to count.
 */
function checkExclusive(
  policy: RecognitionPolicy, ev: RecognitionEvidence, ctx: RecognitionContext,
  acc: { reasons: ReasonCode[]; messages: string[]; credits: Rational | null; deny: (code: ReasonCode, message: string) => void },
): EvidenceCheck {
  const { reasons, messages, credits, deny } = acc;
  const ref = ctx.referenceDate;
  const age = () => {
    if (policy.maxAgeYears !== undefined && !withinYears(ev.date, policy.maxAgeYears, ref)) {
      const after = onOrBefore(ref, ev.date) && ev.date !== ref;
      deny('TOO_OLD', after ? `${name(ev)} dates from ${ev.date}, after the reference date ${ref}` : `${name(ev)} dates from ${ev.date}, ${yearsBetween(ev.date, ref)} years before ${ref}; the limit is ${policy.maxAgeYears}`);
    }
  };
  if (ev.kind === 'credential') {
    const self = credentialOf(ev);
    const rule = credentialRuleFor(policy, self);
    if (credentialMode(policy, self) === 'components') {
      if (ev.credential && !ev.credential.complete && (rule?.completeRequired || policy.completeCredentialRequired)) deny('CREDENTIAL_INCOMPLETE', `${name(ev)} is not complete`);
      age();
      return { reasons, messages, credits, mode: 'components' };
    }
    if (rule?.completeRequired && ev.credential && !ev.credential.complete) deny('CREDENTIAL_INCOMPLETE', `${name(ev)} is not complete`);
  } else {
    const parent = componentOf(ev);
    if (parent) {
      const rule = credentialRuleFor(policy, parent);
      if (credentialMode(policy, parent) === 'whole') {
        deny('COUNTED_IN_CREDENTIAL', `${name(ev)} is a component of ${credentialLabel(parent)}, which this policy recognizes as a whole: it counts only through it`);
      } else if (rule?.completeRequired && !ev.credential?.complete) {
        deny('CREDENTIAL_INCOMPLETE', `${name(ev)} counts only as part of a complete ${credentialLabel(parent)}, which is not complete`);
      }
    } else {
      const rule = (policy.credentials ?? []).find((r) => r.completeRequired && r.match.code === undefined && r.match.type === undefined && r.match.issuer === ev.issuer);
      if (rule) deny('CREDENTIAL_INCOMPLETE', `${name(ev)} is not part of a complete credential of ${ev.issuer}`);
    }
  }
  const equivalency = findEquivalency(policy, ev);
  const minGrade = equivalency?.minGrade ?? policy.minGrade;
  if (minGrade !== undefined) {
    const letters = policy.letterGrades ?? DEFAULT_LETTER_TABLE;
    if (ev.grade === undefined || !normalizeGrade(ev.grade, letters)) deny('GRADE_MISSING', `${name(ev)} has no readable grade; minimum is ${describeGrade(minGrade)}`);
    else if (!meetsMinimum(ev.grade, minGrade, letters)) deny('BELOW_MIN_GRADE', `${name(ev)}: ${minimumMiss(ev.grade, minGrade, letters)}`);
  }
  if (equivalency) equivalencyConditions(equivalency, ev, reasons, deny);
  age();
  if (!equivalency && policy.unmatched !== 'elective') deny('NO_EQUIVALENCY', `${name(ev)} has no equivalency in this policy`);
  return { reasons, messages, equivalency, credits, mode: 'whole' };
}

/**
 * An equivalency's own conditions on how the evidence was assessed (in addition to the policy's):
 * e.g. "CTL.SC1x counts as SCM.260 only when passed by proctored exam". A failure the policy-wide
 * condition already reported is not repeated.
 */
function equivalencyConditions(e: Equivalency, ev: RecognitionEvidence, reasons: readonly ReasonCode[], deny: (code: ReasonCode, message: string) => void): void {
  const under = `under equivalency ${e.id}`;
  if (e.identityVerifiedRequired && ev.identityVerified !== true && !reasons.includes('IDENTITY_NOT_VERIFIED')) {
    deny('IDENTITY_NOT_VERIFIED', `${name(ev)} was ${ev.identityVerified === false ? 'not' : 'not shown to be'} assessed with the learner's identity verified, which ${under} requires`);
  }
  if (e.assessmentTypes && !(ev.assessmentType !== undefined && e.assessmentTypes.includes(ev.assessmentType)) && !reasons.includes('ASSESSMENT_NOT_ACCEPTED')) {
    deny('ASSESSMENT_NOT_ACCEPTED', `${name(ev)} was assessed by ${ev.assessmentType ?? 'an unstated method'}; ${under} it must be ${e.assessmentTypes.join(' or ')}`);
  }
}

/** Evidence by issuer, code and title: "MITx CTL.SC1x (Supply Chain Fundamentals)". */
export function name(ev: RecognitionEvidence): string {
  return `${ev.issuer} ${ev.code}${ev.title && ev.title !== ev.code ? ` (${ev.title})` : ''}`;
}

export function isEffective(policy: RecognitionPolicy, ref: string): boolean {
  const started = !(ref < policy.effectiveFrom);
  const notEnded = policy.effectiveTo === undefined || ref < policy.effectiveTo;
  return started && notEnded;
}

function findEquivalency(policy: RecognitionPolicy, ev: RecognitionEvidence): Equivalency | undefined {
  return (policy.equivalencies ?? []).find(
    (e) => e.match.code === ev.code && (e.match.issuer === undefined || e.match.issuer === ev.issuer) && (e.match.kind === undefined || e.match.kind === ev.kind),
  );
}

/** Key under which a piece of evidence counts as "the same learning". */
export function learningKey(issuer: string | undefined, code: string | undefined): string {
  return `${issuer ?? ''}\u0000${code ?? ''}`;
}
