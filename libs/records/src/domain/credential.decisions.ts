import { DomainError, refuse } from '@app/kernel';
import { componentMisses, incomplete, unpassedCompletions } from './credential-completeness';
import { CredentialDefinitionVersion } from './credential-definition.events';
import { latestDefinitionVersion } from './credential-definition.decider';
import { AwardCredential, RevokeCredential } from './learner.commands';
import { MicroCredentialAwarded, MicroCredentialRevoked } from './learner.events';
import { CompletionView, credentialOf, isWithdrawn, LearnerRecord } from './learner-record';
import { assertCredits, assertDate, assertEqfLevel, assertGrade } from './records.values';

/**
 * The definition version an award is under: the one named, else the latest; none when the code has
 * no definition. A code defined by another issuer is not the actor's to award (403: definitions
 * are public); a version named that is not published is a conflict with what the store holds (409).
 */
function definitionVersionOf(command: AwardCredential): CredentialDefinitionVersion | null {
  const definition = command.definition && command.definition.versions.length > 0 ? command.definition : null;
  const named = command.definitionVersion ?? null;
  if (!definition) {
    if (named !== null) throw new DomainError('conflict', 'credential-definition-not-found', `no definition of credential code ${command.code ?? '(none)'} is published`, { path: '/definitionVersion' });
    return null;
  }
  if (definition.issuerId !== command.actor.institutionId) {
    throw new DomainError('forbidden', 'credential-code-of-another-issuer', `credential code ${command.code ?? ''} is defined by ${definition.issuerId}: only it awards that credential`, { path: '/code' });
  }
  const version = named === null ? latestDefinitionVersion(definition) : (definition.versions.find((v) => v.version === named) ?? null);
  if (!version) {
    const known = definition.versions.map((v) => v.version).join(', ');
    throw new DomainError('conflict', 'credential-definition-version-not-found', `credential ${command.code ?? ''} has no published version ${named ?? ''} (published: ${known})`, { path: '/definitionVersion' });
  }
  if (version.type !== command.type) {
    throw refuse.invalid('credential-type-mismatch', `credential ${command.code ?? ''} version ${version.version} is a ${version.type}, not a ${command.type}`, '/type');
  }
  return version;
}

/**
 * The stack rule: a credential is awarded over completions that are on THIS learner's record
 * (otherwise 409 `completion-not-in-record`: the body is well-formed, the record does not hold
 * them), not withdrawn (409 `completion-withdrawn`) and were recorded by the awarding issuer itself (otherwise 403
 * `completion-of-another-issuer`: an issuer vouches only for its own courses). The stack is
 * non-empty without repeats (400). A complete credential whose code has a published definition
 * holds a passed completion, at its minimum grade, of every component (409
 * `credential-requirements-not-met`, naming each); any complete credential holds passed
 * completions only (409 `failed-completion-in-stack`). It is not issued before the last completion
 * of its stack (400). The award records the definition version it is under.
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
  const definition = definitionVersionOf(command);
  if (command.complete && definition) {
    const misses = componentMisses(definition, stack);
    if (misses.length > 0) throw incomplete('credential-requirements-not-met', `the stack does not complete ${command.code ?? ''} version ${definition.version} (${definition.title})`, misses);
  }
  const unpassed = command.complete ? unpassedCompletions(stack) : [];
  if (unpassed.length > 0) throw incomplete('failed-completion-in-stack', 'a complete credential holds passed completions only', unpassed);
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
        definition: definition && command.code ? { code: command.code, version: definition.version } : null,
      },
    },
  ];
}

/** Only the awarding issuer revokes (403); a credential is revoked once (409), not before its date of issue (400). */
export function decideRevoke(command: RevokeCredential, record: LearnerRecord): MicroCredentialRevoked[] {
  const credential = credentialOf(record, command.credentialId);
  if (!credential) throw refuse.notFound('credential-not-found', `learner ${command.learnerId} holds no credential ${command.credentialId}`);
  if (credential.issuerId !== command.actor.institutionId) {
    throw refuse.forbidden('not-credential-issuer', `credential ${command.credentialId} was awarded by ${credential.issuerId}`);
  }
  if (credential.revoked) throw refuse.conflict('credential-already-revoked', `credential ${command.credentialId} is already revoked`);
  assertDate(command.revokedOn, '/revokedOn');
  // revokedOn is the date of the body's occurredAt (or today): that is the field to fix.
  if (command.revokedOn < credential.issuedOn) {
    throw refuse.invalid('revoked-before-issue', `revoked on ${command.revokedOn}, before the credential was issued on ${credential.issuedOn}`, '/occurredAt');
  }
  return [
    {
      type: 'MicroCredentialRevoked',
      data: { learnerId: command.learnerId, credentialId: command.credentialId, issuerId: credential.issuerId, reason: command.reason, revokedOn: command.revokedOn },
    },
  ];
}
