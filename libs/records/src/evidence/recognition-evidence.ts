import { HeldCredential, RecognitionEvidence } from '@app/requirements';
import { engineGradeOf } from '../domain/engine-grades';
import { CompletionView, CredentialView, isWithdrawn, LearnerRecord } from '../domain/learner-record';
import { presentedCredentialsOf } from '../domain/presented-credential-view';
import { presentedHeldCredentials } from './presented-evidence';

/**
 * From a folded learner record to the requirement engine's inputs (pure; for the transfer
 * context). Revoked credentials and withdrawn completions are no evidence; completions stay
 * evidence whatever happened to the credentials they belong to. Fields the engine has no slot for (assessment type, identity
 * verification, residence, enrollment) stay on the record's CompletionView.
 */

/**
 * The one spelling of a piece of evidence in every answer: `completion:<completionId>` or
 * `credential:<credentialId>` (or `verifiable-credential:<vcId>`, see presented-evidence.ts), as transfer requests, the ledger and eligibility name it (and as the
 * engine is given it, so its decisions name it so too).
 */
export type EvidenceKind = 'completion' | 'credential' | 'verifiable-credential';
export const evidenceItemId = (kind: EvidenceKind, refId: string): string => `${kind}:${refId}`;

/** "EQF7" for level 7: the engine's level notation. */
export const eqfCode = (level: number): string => `EQF${level}`;

const activeCredentials = (record: LearnerRecord): CredentialView[] => record.credentials.filter((c) => !c.revoked);

/** The credential a completion is evidence for: a complete one first, revoked ones never. */
function credentialRefOf(completion: CompletionView): RecognitionEvidence['credential'] {
  const refs = completion.credentials.filter((r) => !r.revoked);
  const ref = refs.find((r) => r.complete) ?? refs[0];
  return ref ? { id: ref.credentialId, ...(ref.code ? { code: ref.code } : {}), type: ref.type, complete: ref.complete } : undefined;
}

/** Event id behind the current state of a completion: its last regrade, else its recording. */
const completionEventId = (c: CompletionView): string | undefined => (c.corrections.at(-1)?.evidence.eventId ?? c.evidence.eventId) ?? undefined;

export function completionEvidenceOf(completion: CompletionView): RecognitionEvidence {
  const credential = credentialRefOf(completion);
  const eventId = completionEventId(completion);
  return {
    id: evidenceItemId('completion', completion.completionId),
    kind: 'course',
    issuer: completion.issuerId,
    code: completion.courseId,
    title: completion.courseTitle,
    credits: completion.credits,
    unit: completion.unit,
    level: eqfCode(completion.eqfLevel),
    field: completion.field,
    grade: engineGradeOf(completion.grade),
    date: completion.completedOn,
    identityVerified: completion.identityVerified,
    assessmentType: completion.assessmentType,
    ...(credential ? { credential } : {}),
    tags: [...completion.tags],
    ...(eventId ? { evidenceEventId: eventId } : {}),
  };
}

export function credentialEvidenceOf(credential: CredentialView): RecognitionEvidence {
  return {
    id: evidenceItemId('credential', credential.credentialId),
    kind: 'credential',
    issuer: credential.issuerId,
    code: credential.code ?? credential.credentialId,
    title: credential.title,
    credits: credential.workload.credits,
    unit: credential.workload.unit,
    level: eqfCode(credential.eqfLevel),
    ...(credential.grade ? { grade: engineGradeOf(credential.grade) } : {}),
    date: credential.issuedOn,
    identityVerified: credential.identityVerified,
    assessmentType: credential.assessmentType,
    credential: { id: credential.credentialId, ...(credential.code ? { code: credential.code } : {}), type: credential.type, complete: credential.complete },
    ...(credential.evidence.eventId ? { evidenceEventId: credential.evidence.eventId } : {}),
  };
}

/** The completions that are evidence: every one but those their issuer withdrew. */
export const activeCompletions = (record: LearnerRecord): CompletionView[] => record.completions.filter((c) => !isWithdrawn(c));

/** Every completion that is not withdrawn and every credential that is not revoked, as recognition evidence. */
export function recognitionEvidenceOf(record: LearnerRecord): RecognitionEvidence[] {
  return [...activeCompletions(record).map(completionEvidenceOf), ...activeCredentials(record).map(credentialEvidenceOf)];
}

/** The credentials the learner holds (revoked ones excluded), for pathway conditions: recorded ones, then presented signed ones. */
export function heldCredentialsOf(record: LearnerRecord): HeldCredential[] {
  return [...recordedHeldCredentials(record), ...presentedHeldCredentials(presentedCredentialsOf(record))];
}

function recordedHeldCredentials(record: LearnerRecord): HeldCredential[] {
  return activeCredentials(record).map((c) => ({
    id: c.credentialId,
    ...(c.code ? { code: c.code } : {}),
    title: c.title,
    type: c.type,
    issuer: c.issuerId,
    complete: c.complete,
    awardedOn: c.issuedOn,
    ...(c.evidence.eventId ? { evidenceEventId: c.evidence.eventId } : {}),
  }));
}
