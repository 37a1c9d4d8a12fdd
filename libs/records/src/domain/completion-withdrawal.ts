import { refuse } from '@app/kernel';
import { WithdrawCompletion } from './learner.commands';
import { CompletionWithdrawn } from './learner.events';
import { completionOf, isWithdrawn, LearnerRecord } from './learner-record';
import { assertDate } from './records.values';

/**
 * Withdrawing a completion recorded in error. Only the issuer that recorded it (403), once (409
 * `completion-already-withdrawn`), with a reason (the DTO requires one). A completion in the stack
 * of a credential that is complete and not revoked is refused (409
 * `completion-in-complete-credential`): the credential vouches that its stack was completed, so
 * the issuer revokes the credential first (that is a change of evidence too) and then withdraws
 * the completion. An incomplete or revoked credential's stack simply loses it.
 */
export function decideWithdrawal(command: WithdrawCompletion, record: LearnerRecord): CompletionWithdrawn[] {
  const completion = completionOf(record, command.completionId);
  if (!completion) throw refuse.notFound('completion-not-found', `learner ${command.learnerId} has no completion ${command.completionId}`);
  if (completion.issuerId !== command.actor.institutionId) {
    throw refuse.forbidden('not-completion-issuer', `completion ${command.completionId} was recorded by ${completion.issuerId}`);
  }
  if (isWithdrawn(completion)) throw refuse.conflict('completion-already-withdrawn', `completion ${command.completionId} is already withdrawn`);
  const vouching = record.credentials.find((k) => k.complete && !k.revoked && k.completionIds.includes(command.completionId));
  if (vouching) {
    throw refuse.conflict(
      'completion-in-complete-credential',
      `completion ${command.completionId} is in the stack of complete credential ${vouching.credentialId} (${vouching.code ?? vouching.title}); revoke that credential first`,
    );
  }
  assertDate(command.withdrawnOn, '/withdrawnOn');
  const { learnerId, completionId, reason, withdrawnOn } = command;
  return [{ type: 'CompletionWithdrawn', data: { learnerId, completionId, issuerId: completion.issuerId, reason, withdrawnOn } }];
}
