/** Steps 5 and 6: MIT's registrar asks whether a learner is eligible, and under which residency. */
import { EligibilityAnswer, readEligibility } from './eligibility';
import { ApiClient } from './http-client';
import { pad, Reporter } from './report';
import { ScenarioIds } from './scm-fixtures';

const months = (n: number | null): string => (n === null ? 'unspecified' : `${n} months`);

/** One line: the residency outcome against the standard one. */
export function residencyLine(answer: EligibilityAnswer): string {
  const r = answer.residency;
  if (r.outcome === 'reduced') {
    return `residency REDUCED: ${months(r.months)}${r.terms !== null ? ` (${r.terms} term${r.terms === 1 ? '' : 's'})` : ''} instead of ${months(r.standard?.months ?? null)}` +
      `${r.pathway ? `, pathway "${r.pathway.label ?? r.pathway.id}"` : ''}`;
  }
  if (r.outcome === 'not-eligible') return 'NOT ELIGIBLE: the program admits only through its pathways, and none applies';
  return `residency STANDARD: ${months(r.standard?.months ?? r.months)}; not eligible for the reduced pathway`;
}

/** A top-level rule ("mit-scm/capstone") or the total (""): the lines worth reading first. */
const isTopLevel = (rulePath: string): boolean => rulePath.split('/').length <= 2;

/** What is missing: the top-level rules and the total, and how many finer entries there are under them. */
export function missingLines(missing: EligibilityAnswer['missing']): string[] {
  const lines = missing.filter((m) => isTopLevel(m.rulePath)).map((m) => `missing ${m.rulePath || '(total)'}: ${m.message}`);
  const finer = missing.length - lines.length;
  if (finer > 0) lines.push(`(and ${finer} finer entries under these rules, e.g. ${missing.find((m) => !isTopLevel(m.rulePath))?.message ?? ''})`);
  return lines;
}

/** Asks after the last write: `lastWrite` is the position it answered, sent as minPosition. */
export async function askEligibility(mit: ApiClient, ids: ScenarioIds, learnerId: string, lastWrite: number, report: Reporter): Promise<EligibilityAnswer> {
  const { answer, waitedMs } = await readEligibility(mit, { learnerId, programId: ids.programId, minPosition: lastWrite });
  report.step(
    `GET /eligibility for ${learnerId} (minPosition ${lastWrite}, answered in ${waitedMs} ms): ${answer.source} answer up to position ${answer.upToPosition}, ` +
      `program ${answer.programId}@${answer.programVersion}, policy ${answer.policy ? `${answer.policy.policyId}@${answer.policy.version}` : 'none'}`,
  );
  report.detail(residencyLine(answer));
  for (const reason of answer.residency.reasons) report.detail(`  because: ${reason}`);
  const granted = answer.recognized.filter((item) => item.decision !== 'denied');
  report.detail(
    `requirements ${answer.result} (satisfied: ${answer.requirementsSatisfied ? 'yes' : 'no'}); credits ${answer.totalCredits.have.decimal} of ${answer.totalCredits.need.decimal}; ` +
      `admission ${answer.admission.admitted ? 'granted' : 'not granted'}; ${granted.length} of ${answer.recognized.length} item(s) recognized`,
  );
  for (const item of answer.recognized) {
    const why = item.decision === 'granted' ? '' : `  [${item.reasons.join(', ')}]`;
    const basis = item.basis === 'decided' ? 'decided by the registrar' : 'proposed, not decided yet';
    const what = item.reasons.includes('PATHWAY_CREDENTIAL') ? 'recognized as pathway credential' : `${item.creditsGranted.decimal} ${item.unit}`;
    report.detail(`  ${pad(item.decision, 10)} ${item.title}: ${what} (${basis})${why}`);
  }
  for (const line of missingLines(answer.missing)) report.detail(`  ${line}`);
  report.detail('explanation:');
  for (const line of answer.explanation) report.detail(`  ${line}`);
  return answer;
}
