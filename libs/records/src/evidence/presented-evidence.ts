import { HeldCredential, RecognitionEvidence } from '@app/requirements';
import { PresentedAchievement } from '../domain/verifiable-credential.events';
import { PresentedCredentialView } from '../domain/presented-credential-view';
import { engineGradeOf } from '../domain/engine-grades';

/**
 * The one spelling of a presented credential's evidence: `verifiable-credential:<vcId>`, and
 * `verifiable-credential:<vcId>#<n>` for the n-th achievement of a credential with several (a CLR).
 */
export function presentedItemId(vcId: string, index: number, achievements: number): string {
  return achievements > 1 ? `verifiable-credential:${vcId}#${index}` : `verifiable-credential:${vcId}`;
}

/** OB3 achievement types that name a course; anything else (Certificate, MicroCredential, Badge, ...) is a credential. */
const COURSE_TYPES = new Set(['Course', 'Assessment', 'ext:Course']);

export function presentedAchievementEvidence(view: PresentedCredentialView, a: PresentedAchievement): RecognitionEvidence | null {
  if (a.credits === null || a.unit === null) return null;
  const id = presentedItemId(view.vcId, a.index, view.achievements.length);
  const kind = a.achievementType !== null && !COURSE_TYPES.has(a.achievementType) ? 'credential' : 'course';
  const code = a.code ?? a.achievementId ?? a.name;
  return {
    id,
    kind,
    // A signed credential asserting a credential achievement is the award itself: complete while not revoked.
    ...(kind === 'credential' ? { credential: { id, code, ...(a.achievementType ? { type: a.achievementType } : {}), complete: true } } : {}),
    issuer: view.issuer.institutionId ?? view.issuer.id,
    code,
    title: a.name,
    credits: a.credits,
    unit: a.unit,
    ...(a.eqfLevel !== null ? { level: `EQF${a.eqfLevel}` } : {}),
    ...(a.field !== null ? { field: a.field } : {}),
    ...(a.grade !== null ? { grade: engineGradeOf(a.grade) } : {}),
    date: a.achievedOn,
    ...(view.evidence.eventId ? { evidenceEventId: view.evidence.eventId } : {}),
    verification: { issuerDid: view.issuer.id, status: view.status, format: view.format },
  };
}

/** The credit-bearing achievements of a presented credential that is not revoked, as recognition evidence. */
export function presentedEvidenceOf(view: PresentedCredentialView): RecognitionEvidence[] {
  if (view.revoked) return [];
  return view.achievements.flatMap((a) => presentedAchievementEvidence(view, a) ?? []);
}

/** A presented credential whose achievement is a credential (a MicroMasters, a certificate), as held for pathway conditions. */
export function presentedHeldCredential(view: PresentedCredentialView, a: PresentedAchievement): HeldCredential | null {
  const ev = presentedAchievementEvidence(view, a);
  const credential = ev?.credential;
  if (!ev || ev.kind !== 'credential' || !credential) return null;
  return {
    id: credential.id,
    code: credential.code ?? ev.code,
    title: a.name,
    ...(credential.type ? { type: credential.type } : {}),
    issuer: ev.issuer,
    complete: true,
    awardedOn: a.achievedOn,
    ...(ev.evidenceEventId ? { evidenceEventId: ev.evidenceEventId } : {}),
  };
}

/** Every credential achievement of the learner's presented credentials that are not revoked. */
export function presentedHeldCredentials(views: readonly PresentedCredentialView[]): HeldCredential[] {
  return views.filter((v) => !v.revoked).flatMap((v) => v.achievements.flatMap((a) => presentedHeldCredential(v, a) ?? []));
}
