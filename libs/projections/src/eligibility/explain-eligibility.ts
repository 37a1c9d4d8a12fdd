import { EvaluatedEligibility } from './eligibility-answer';

const duration = (months: number | null, terms: number | null): string | null =>
  months !== null ? `${months} month${months === 1 ? '' : 's'}` : terms !== null ? `${terms} term${terms === 1 ? '' : 's'}` : null;

/** Plain sentences a registrar can read (and paste into a letter): the answer, and why. */
export function explain(a: EvaluatedEligibility, programTitle: string | null): string[] {
  const name = programTitle ? `${programTitle} (${a.programId} ${a.programVersion})` : `${a.programId} ${a.programVersion}`;
  const lines: string[] = [];
  lines.push(
    a.policy
      ? `Evaluated on ${a.referenceDate} under recognition policy ${a.policy.policyId} version ${a.policy.version}.`
      : `Evaluated on ${a.referenceDate}; no recognition policy of ${a.institutionId} is in effect for this program, so no external credit is recognized.`,
  );
  const granted = a.recognized.filter((r) => r.decision !== 'denied');
  const decided = a.recognized.filter((r) => r.basis === 'decided');
  if (a.recognized.length > 0) {
    const basis = decided.length === 0 ? ' (proposed by the engine; nothing decided yet)' : decided.length === a.recognized.length ? ' (all decided by the registrar)' : ` (${decided.length} decided by the registrar, ${a.recognized.length - decided.length} proposed by the engine)`;
    lines.push(`${granted.length} of ${a.recognized.length} pieces of evidence recognized${basis}.`);
  }
  const changed = decided.filter((r) => r.evidenceChanged);
  if (changed.length > 0) lines.push(`${changed.length} decided item(s) rest on evidence that changed since the decision (${changed.map((r) => r.title).join(', ')}); the decision binds until the registrar revises it.`);
  lines.push(
    a.requirementsSatisfied
      ? `${name}: every requirement is satisfied (${a.totalCredits.have.decimal} of ${a.totalCredits.need.decimal} credits).`
      : `${name}: requirements ${a.result} (${a.totalCredits.have.decimal} of ${a.totalCredits.need.decimal} credits); ${a.missing.length} still missing.`,
  );
  const now = duration(a.residency.months, a.residency.terms);
  const standard = a.residency.standard ? duration(a.residency.standard.months, a.residency.standard.terms) : null;
  if (a.residency.outcome === 'not-eligible') {
    lines.push(`Not eligible for this program: it admits only through its pathways, and none applies (${a.residency.reasons.join('; ')}).`);
  } else if (a.residency.outcome === 'reduced') {
    const via = a.residency.pathway ? ` (pathway "${a.residency.pathway.label ?? a.residency.pathway.id}")` : '';
    if (a.residency.standard === null) lines.push(`Eligible through its pathway${via}: ${now ?? 'the pathway\'s residency'} on campus (the program has no standard route).`);
    else lines.push(`Reduced residency${via}: ${now ?? 'a shorter residency'} on campus instead of ${standard ?? 'the standard residency'}.`);
  } else if (now !== null || standard !== null) {
    lines.push(`Standard residency: ${standard ?? now}; no reduced-residency pathway applies.`);
  }
  if (a.admission.required && !a.admission.admitted) lines.push('Admission is required and has not been granted yet.');
  return lines;
}
