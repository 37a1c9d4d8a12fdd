/** Step 3: MIT's registrar publishes the SCM program and its recognition policy, and admits learners. */
import { ApiClient } from './http-client';
import { Reporter } from './report';
import { policyFacts, programFacts, scmPolicy, scmProgram, ScenarioIds } from './scm-fixtures';

export async function publishProgramAndPolicy(mit: ApiClient, ids: ScenarioIds, report: Reporter): Promise<void> {
  await mit.post(`/programs/${ids.programId}/versions`, { definition: scmProgram(ids) });
  report.step(
    `program ${ids.programId} version ${programFacts.version}: ${programFacts.totalCredits} ${programFacts.creditUnit}, ` +
      `residency ${programFacts.standardMonths} months, or ${programFacts.reducedMonths} months on the "${programFacts.pathwayId}" pathway (complete MicroMasters)`,
  );
  await mit.post(`/policies/${ids.policyId}/versions`, { definition: scmPolicy(ids) });
  report.step(
    `policy ${ids.policyId} version ${policyFacts.version}, effective ${policyFacts.effectiveFrom}: ` +
      `issuer ${ids.mitx} accepted, complete credential required, 6 course equivalencies, cap 1/2 of the degree`,
  );
}

export async function admit(mit: ApiClient, ids: ScenarioIds, learnerId: string, report: Reporter): Promise<void> {
  const decidedOn = '2026-01-15';
  await mit.post('/admissions', { learnerId, programId: ids.programId, decidedOn });
  report.step(`learner ${learnerId} admitted to ${ids.programId} on ${decidedOn}`);
}
