import { refuse } from '@app/kernel';
import { AwardCredential, RevokeCredential } from './learner.commands';
import { MicroCredentialAwarded, MicroCredentialRevoked } from './learner.events';
import { CompletionView, credentialOf, isWithdrawn, LearnerRecord } from './learner-record';
import { assertCredits, assertDate, assertEqfLevel, assertGrade, Grade } from './records.values';

const isFail = (grade: Grade): boolean =>
  (grade.scale === 'pass-fail' && (grade.value === 'F' || grade.value === 'fail')) || (grade.scale === 'letter' && grade.value === 'F');

/**
 * The stack rule: a credential is awarded over completions that are on THIS learner's record
 * (otherwise 409 `completion-not-in-record`: the body is well-formed, the record does not hold
 * them), not withdrawn (409 `completion-withdrawn`) and were recorded by the awarding issuer itself
 * (otherwise 403 `completion-of-another-issuer`: an issuer vouches only for its own courses). The stack is
 * non-empty without repeats (400). A complete credential holds no failed completion (409), and it
 * is not issued before the last completion of its stack (400).
 */
export function decideAward(command: AwardCredential, record: LearnerRecord): MicroCredentialAwarded[] {
  if (credentialOf(record, command.credentialId)) throw refuse.conflict('credential-already-awarded', `credential ${command.credentialId} is already awarded`);
  if (command.completionIds.length === 0) throw refuse.invalid('empty-stack', 'a credential is awarded over at least one completion', '/completionIds');
  if (new Set(command.completionIds).size !== command.completionIds.length) {
    throw refuse.invalid('repeated-completion', 'a completion appears twice in the stack', '/completionIds');
  }
  const stack: CompletionView[] = command.completionIds.map((id) => {
    const completion = record.completions.find((c) => c.completionId === id);
    if (!completion) throw refuse.conflict('completion-not-in-record', `completion ${id} is not on the record of learner ${command.learnerId}`);
    if (isWithdrawn(completion)) throw refuse.conflict('completion-withdrawn', `completion ${id} was withdrawn by its issuer; it cannot be part of a stack`);
    return completion;
  });
  const foreign = stack.find((c) => c.issuerId !== command.actor.institutionId);
  if (foreign) {
    throw refuse.forbidden('completion-of-another-issuer', `completion ${foreign.completionId} was recorded by ${foreign.issuerId}, not by ${command.actor.institutionId}`);
  }
  const failed = stack.find((c) => isFail(c.grade));
  if (command.complete && failed) throw refuse.conflict('failed-completion-in-stack', `completion ${failed.completionId} is failed: the credential cannot be complete`);
  assertDate(command.issuedOn, '/issuedOn');
  const lastCompletion = stack.map((c) => c.completedOn).sort().at(-1) ?? command.issuedOn;
  if (command.issuedOn < lastCompletion) throw refuse.invalid('issued-before-completion', `issued on ${command.issuedOn}, before the completion of ${lastCompletion}`, '/issuedOn');
  assertCredits(command.workload.credits, '/workload/credits');
  assertEqfLevel(command.eqfLevel, '/eqfLevel');
  if (command.grade) assertGrade(command.grade, '/grade');
  return [
    {
      type: 'MicroCredentialAwarded',
      data: {
        learnerId: command.learnerId,
        credentialId: command.credentialId,
        issuerId: command.actor.institutionId,
        type: command.type,
        code: command.code ?? null,
        title: command.title,
        awardingBody: command.awardingBody,
        country: command.country,
        issuedOn: command.issuedOn,
        learningOutcomes: [...command.learningOutcomes],
        workload: { credits: command.workload.credits, unit: command.workload.unit, ects: command.workload.ects },
        eqfLevel: command.eqfLevel,
        assessmentType: command.assessmentType,
        participation: command.participation,
        qualityAssurance: command.qualityAssurance,
        prerequisites: [...(command.prerequisites ?? [])],
        identityVerified: command.identityVerified ?? stack.every((c) => c.identityVerified),
        grade: command.grade ?? null,
        stackability: command.stackability ?? 'stackable',
        furtherInformation: command.furtherInformation ?? null,
        completionIds: [...command.completionIds],
        complete: command.complete,
      },
    },
  ];
}

/** Only the awarding issuer revokes (403); a credential is revoked once (409). */
export function decideRevoke(command: RevokeCredential, record: LearnerRecord): MicroCredentialRevoked[] {
  const credential = credentialOf(record, command.credentialId);
  if (!credential) throw refuse.notFound('credential-not-found', `learner ${command.learnerId} holds no credential ${command.credentialId}`);
  if (credential.issuerId !== command.actor.institutionId) {
    throw refuse.forbidden('not-credential-issuer', `credential ${command.credentialId} was awarded by ${credential.issuerId}`);
  }
  if (credential.revoked) throw refuse.conflict('credential-already-revoked', `credential ${command.credentialId} is already revoked`);
  assertDate(command.revokedOn, '/revokedOn');
  return [
    {
      type: 'MicroCredentialRevoked',
      data: { learnerId: command.learnerId, credentialId: command.credentialId, issuerId: credential.issuerId, reason: command.reason, revokedOn: command.revokedOn },
    },
  ];
}
