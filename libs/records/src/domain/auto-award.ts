import { DomainError } from '@app/kernel';
import { componentMisses } from './credential-completeness';
import { latestDefinitionVersion } from './credential-definition.decider';
import { CredentialDefinitionVersion } from './credential-definition.events';
import { decideAward } from './credential.decisions';
import { isPassingGrade, meetsGradeMinimum } from './engine-grades';
import { AutoAwardCandidate, AwardCredential, RecordCompletion } from './learner.commands';
import { MicroCredentialAwarded } from './learner.events';
import { CompletionView, evolveLearnerRecord, isWithdrawn, LearnerRecord } from './learner-record';

/** Does the learner hold a complete, unrevoked credential of this code? Then it is not awarded again. */
const holdsComplete = (record: LearnerRecord, code: string): boolean => record.credentials.some((c) => c.code === code && c.complete && !c.revoked);

/**
 * The stack an automatic award is made over: for each component, the latest completion of that
 * course by the program's issuer that is not withdrawn, is passed and meets the component's
 * minimum; null when a component has none (the version is not complete yet).
 */
export function autoAwardStack(version: CredentialDefinitionVersion, issuerId: string, record: LearnerRecord): CompletionView[] | null {
  const stack: CompletionView[] = [];
  for (const component of version.components) {
    const qualifying = record.completions
      .filter((c) => c.courseId === component.courseId && c.issuerId === issuerId && !isWithdrawn(c) && isPassingGrade(c.grade))
      .filter((c) => !component.minGrade || meetsGradeMinimum(c.grade, component.minGrade));
    const latest = [...qualifying].sort((a, b) => a.completedOn.localeCompare(b.completedOn)).at(-1);
    if (!latest) return null;
    stack.push(latest);
  }
  return componentMisses(version, stack).length === 0 ? stack : null;
}

function awardCommand(command: RecordCompletion, candidate: AutoAwardCandidate, version: CredentialDefinitionVersion, stack: CompletionView[]): AwardCredential | null {
  const template = version.autoAward;
  if (!template) return null;
  return {
    kind: 'AwardCredential',
    learnerId: command.learnerId,
    credentialId: candidate.credentialId,
    actor: command.actor,
    awardingBody: candidate.awardingBody,
    country: candidate.country,
    type: version.type,
    code: candidate.code,
    title: version.title,
    // Issued on the day the last component was completed: the day the program was completed.
    issuedOn: stack.map((c) => c.completedOn).sort().at(-1) ?? command.completedOn,
    learningOutcomes: [...template.learningOutcomes],
    workload: candidate.workload,
    eqfLevel: template.eqfLevel,
    assessmentType: template.assessmentType,
    participation: template.participation,
    qualityAssurance: template.qualityAssurance,
    completionIds: stack.map((c) => c.completionId),
    complete: true,
    definition: candidate.definition,
    definitionVersion: version.version,
  };
}

/**
 * The automatic awards a recorded completion triggers (in the same append as the completion, so
 * exactly once: a retry replays both, and a learner holding a complete unrevoked credential of the
 * code is not awarded it again). A candidate is awarded when the latest version of its definition
 * is marked autoAward, names the completed course, belongs to the issuer recording the completion,
 * and the record (with this completion) completes it. The award goes through the same decision as
 * an award on request (decideAward); should that refuse it, nothing is awarded and the completion
 * stands: the issuer can still award on request and see why.
 */
export function decideAutoAwards(command: RecordCompletion, record: LearnerRecord): MicroCredentialAwarded[] {
  const awards: MicroCredentialAwarded[] = [];
  let current = record;
  for (const candidate of command.autoAwards ?? []) {
    const version = latestDefinitionVersion(candidate.definition);
    if (!version?.autoAward || candidate.definition.issuerId !== command.actor.institutionId) continue;
    if (!version.components.some((c) => c.courseId === command.courseId) || holdsComplete(current, candidate.code)) continue;
    const stack = autoAwardStack(version, candidate.definition.issuerId, current);
    const award = stack ? awardCommand(command, candidate, version, stack) : null;
    if (!award) continue;
    try {
      const events = decideAward(award, current);
      awards.push(...events);
      current = events.reduce(evolveLearnerRecord, current);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return awards;
}
