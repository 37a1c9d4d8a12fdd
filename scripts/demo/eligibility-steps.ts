/** Steps 5 and 6: MIT's registrar asks whether a learner is eligible, and under which residency. */
import { EligibilityAnswer, pollEligibility, PollOptions } from './eligibility';
import { ApiClient } from './http-client';
import { Reporter } from './report';
import { ScenarioIds } from './scm-fixtures';

const months = (n: number | null): string => (n === null ? 'unspecified' : `${n} months`);

/** One line: the residency outcome against the standard one. */
export function residencyLine(answer: EligibilityAnswer): string {
  const r = answer.residency;
  if (r.outcome === 'reduced') {
    return `residency REDUCED: ${months(r.months)}${r.terms !== null ? ` (${r.terms} term${r.terms === 1 ? '' : 's'})` : ''} instead of ${months(r.standard.months)}` +
      `${r.pathway ? `, pathway "${r.pathway.label ?? r.pathway.id}"` : ''}`;
  }
  return `residency STANDARD: ${months(r.standard.months ?? r.months)}; not eligible for the reduced pathway`;
}

export async function askEligibility(mit: ApiClient, ids: ScenarioIds, learnerId: string, atLeastPosition: number, report: Reporter, poll?: PollOptions): Promise<EligibilityAnswer> {
  const { answer, waitedMs } = await pollEligibility(mit, { learnerId, programId: ids.programId, atLeastPosition }, poll);
  report.step(
    `GET /eligibility for ${learnerId}: ${answer.source} answer up to position ${answer.upToPosition} (last write ${atLeastPosition}, waited ${waitedMs} ms), ` +
      `program ${answer.programId}@${answer.programVersion}, policy ${answer.policy ? `${answer.policy.policyId}@${answer.policy.version}` : 'none'}`,
  );
  report.detail(residencyLine(answer));
  for (const reason of answer.residency.reasons) report.detail(`  because: ${reason}`);
  report.detail(
    `requirements ${answer.result} (satisfied: ${answer.requirementsSatisfied ? 'yes' : 'no'}); credits ${answer.totalCredits.have} of ${answer.totalCredits.need}; ` +
      `admission ${answer.admission.admitted ? 'granted' : 'not granted'}; ${answer.recognized.length} item(s) recognized`,
  );
  for (const item of answer.recognized) report.detail(`  recognized: ${item.title} ${item.decision} ${item.creditsGranted} ${item.unit}`);
  for (const gap of answer.missing) report.detail(`  missing ${gap.rulePath}: ${gap.message}`);
  for (const line of answer.explanation) report.detail(`  ${line}`);
  return answer;
}
