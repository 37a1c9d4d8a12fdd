/** Step 3: MIT's registrar publishes the SCM program and its recognition policy, and admits learners. */
import { ApiClient } from './http-client';
import { Reporter } from './report';
import { policyFacts, programFacts, scmPolicy, scmProgram, ScenarioIds } from './scm-fixtures';

/** Publishes the program, then its policy; returns the policy's position (the later write: a read at it sees both). */
export async function publishProgramAndPolicy(mit: ApiClient, ids: ScenarioIds, report: Reporter): Promise<number> {
  await mit.post(`/programs/${ids.programId}/versions`, { definition: scmProgram(ids) });
  report.step(
    `program ${ids.programId} version ${programFacts.version}: ${programFacts.totalCredits} ${programFacts.creditUnit}, ` +
      `residency ${programFacts.standardMonths} months, or ${programFacts.reducedMonths} months on the "${programFacts.pathwayId}" pathway (complete MicroMasters)`,
  );
  const policy = await mit.post(`/policies/${ids.policyId}/versions`, { definition: scmPolicy(ids) });
  report.step(
    `policy ${ids.policyId} version ${policyFacts.version}, effective ${policyFacts.effectiveFrom}: ` +
      `issuer ${ids.mitx} accepted, complete credential required, 6 course equivalencies, cap 1/2 of the degree (position ${String(policy.body.position)})`,
  );
  return positionOf(policy.body);
}

/** The position a write answered (every write of this server answers one). */
export function positionOf(write: { position: number | null }): number {
  if (write.position === null) throw new Error('the server answered a write without a global position: it predates read-your-own-writes (minPosition)');
  return write.position;
}

export async function admit(mit: ApiClient, ids: ScenarioIds, learnerId: string, report: Reporter): Promise<void> {
  const decidedOn = '2026-01-15';
  await mit.post('/admissions', { learnerId, programId: ids.programId, decidedOn });
  report.step(`learner ${learnerId} admitted to ${ids.programId} on ${decidedOn}`);
}
