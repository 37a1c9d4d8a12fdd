import { refuse } from '@app/kernel';
import { LearnerRecord } from './learner-record';
import { PresentVerifiableCredential, RecheckVerifiableCredential } from './learner.commands';
import { presentedAchievementsOf } from './presented-achievements';
import { VerifiableCredentialPresented, VerifiableCredentialRechecked } from './verifiable-credential.events';
import { CredentialVerification } from './verifiable-credential.values';
import { presentedCredentialOf, presentedCredentialsOf } from './presented-credential-view';

const failing = (v: CredentialVerification): string =>
  v.checks
    .filter((c) => c.outcome !== 'passed')
    .map((c) => `${c.check} ${c.outcome}: ${c.message}`)
    .join('; ');

/**
 * Every check passed but the status, which could not be established (no list given or
 * registered, or one that did not verify): recorded with status `unknown`, so that a policy can
 * refuse it (refuseUnknownStatus) and a re-check with a list can settle it.
 */
const onlyStatusUnknown = (v: CredentialVerification): boolean =>
  v.status === 'unknown' && v.checks.every((c) => c.outcome === 'passed' || (c.check === 'status' && c.outcome === 'unknown'));

/**
 * Who may present: the submitting university that registered the learner, a registrar, or the
 * issuer of the credential itself (its issuer DID registered for the acting institution).
 */
function assertMayPresent(command: PresentVerifiableCredential, record: LearnerRecord): void {
  const { actor, verification } = command;
  if (actor.role === 'submitter' && record.registeredBy !== actor.institutionId) {
    throw refuse.forbidden('not-learner-registrar', `learner ${command.learnerId} was registered by ${record.registeredBy}, not by ${actor.institutionId}`);
  }
  if (actor.role === 'issuer' && verification.issuer.institutionId !== actor.institutionId) {
    throw refuse.forbidden('not-credential-issuer', `the credential was issued by ${verification.issuer.id}, which is not registered as ${actor.institutionId}'s`);
  }
}

/**
 * Present a verified credential as evidence. Refused (422, the checks in the answer, nothing
 * appended) unless every check passed (the status may be unknown) and the issuer is trusted; a credential presented before
 * (same digest) is a conflict naming the earlier one.
 */
export function decidePresentation(command: PresentVerifiableCredential, record: LearnerRecord): VerifiableCredentialPresented[] {
  assertMayPresent(command, record);
  const v = command.verification;
  if (!v.issuer.trusted) {
    throw refuse.unprocessable('issuer-not-trusted', `the credential's issuer ${v.issuer.id} is not in the trusted-issuer registry: it cannot be evidence`, { checks: v.checks, verification: v });
  }
  if (!v.verified && !onlyStatusUnknown(v)) throw refuse.unprocessable('credential-not-verified', `the credential did not verify: ${failing(v)}`, { checks: v.checks, verification: v });
  const earlier = presentedCredentialsOf(record).find((c) => c.digest === command.digest);
  if (earlier) throw refuse.conflict('credential-already-presented', `this credential (sha-256 ${command.digest}) was presented on ${earlier.presentedOn} as ${earlier.vcId}`);
  const { learnerId, vcId, actor, document, digest, verification, referenceDate, presentedOn } = command;
  return [
    {
      type: 'VerifiableCredentialPresented',
      data: {
        learnerId,
        vcId,
        presentedBy: actor.institutionId,
        presentedByRole: actor.role,
        presentedOn,
        referenceDate,
        digest,
        document,
        verification,
        achievements: presentedAchievementsOf(verification, presentedOn),
      },
    },
  ];
}

/**
 * Check a presented credential's status again (a newer status list): the proof must still verify;
 * the same list (same digest) read again is a conflict, nothing new was learned.
 */
export function decideRecheck(command: RecheckVerifiableCredential, record: LearnerRecord): VerifiableCredentialRechecked[] {
  const presented = presentedCredentialOf(record, command.vcId);
  if (!presented) throw refuse.notFound('verifiable-credential-not-found', `learner ${command.learnerId} has no presented credential ${command.vcId}`);
  const v = command.verification;
  const proof = v.checks.find((c) => c.check === 'proof');
  if (proof?.outcome !== 'passed') throw refuse.unprocessable('credential-not-verified', `the credential's proof no longer verifies: ${failing(v)}`, { checks: v.checks });
  const last = presented.statusList;
  if (last && v.statusList && last.digest === v.statusList.digest) {
    throw refuse.conflict('status-list-already-checked', `status list ${v.statusList.url} (sha-256 ${v.statusList.digest}) was already read for ${command.vcId}; give a newer one`);
  }
  return [
    {
      type: 'VerifiableCredentialRechecked',
      data: {
        learnerId: command.learnerId,
        vcId: command.vcId,
        recheckedBy: command.actor.institutionId,
        recheckedOn: command.recheckedOn,
        previousStatus: presented.status,
        status: v.status,
        statusList: v.statusList,
        checks: v.checks,
      },
    },
  ];
}
