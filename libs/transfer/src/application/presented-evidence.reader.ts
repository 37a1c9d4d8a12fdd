import { refuse } from '@app/kernel';
import { LearnerRecord, presentedAchievementEvidence, presentedCredentialOf, presentedHeldCredential } from '@app/records';
import { HeldCredential, RecognitionEvidence } from '@app/requirements';
import { RequestItem } from '../domain/transfer-request.events';

type Ref = { eventId: string | null; position: number | null };

export interface PresentedEvidence {
  vcId: string;
  evidence: RecognitionEvidence;
  /** The credential it is, for pathway conditions (a credential achievement only). */
  held: HeldCredential | null;
  /** Set when a re-check found it revoked or suspended: it is then evidence of nothing. */
  revoked: { status: string; on: string } | null;
  /** The events the evidence rests on: the presentation and every re-check. */
  reads: { eventType: string; evidence: Ref }[];
}

/**
 * A request item naming a presented credential (`<vcId>`, or `<vcId>#<n>` for a CLR's n-th
 * achievement) as engine evidence, keyed by the item id. Refused at `pointer` (400) when the
 * learner has no such credential, when a credential with several achievements is named without
 * one, or when the achievement carries no credit (the reason says why).
 */
export function presentedEvidenceFor(record: LearnerRecord, learnerId: string, item: RequestItem, pointer: string): PresentedEvidence {
  const [vcId, indexText] = item.refId.split('#');
  const view = presentedCredentialOf(record, vcId);
  if (!view) throw refuse.invalid('unknown-verifiable-credential', `learner ${learnerId} has no presented credential ${vcId}`, pointer);
  if (indexText === undefined && view.achievements.length > 1) {
    const refs = view.achievements.map((a) => `${vcId}#${a.index} (${a.name})`).join(', ');
    throw refuse.invalid('achievement-not-named', `presented credential ${vcId} holds ${view.achievements.length} achievements: name one of ${refs}`, pointer);
  }
  const achievement = view.achievements[indexText === undefined ? 0 : Number(indexText)];
  if (!achievement) throw refuse.invalid('unknown-achievement', `presented credential ${vcId} has no achievement ${indexText}`, pointer);
  const evidence = presentedAchievementEvidence(view, achievement);
  if (!evidence) throw refuse.invalid('no-credit-evidence', `${achievement.noCreditReason ?? `"${achievement.name}" carries no credit`}: it cannot be evidence of credit`, pointer);
  const lastRecheck = view.rechecks.at(-1);
  const revoked = view.revoked ? { status: view.status, on: lastRecheck?.recheckedOn ?? view.presentedOn } : null;
  const reads = [{ eventType: 'VerifiableCredentialPresented', evidence: view.evidence }, ...view.rechecks.map((r) => ({ eventType: 'VerifiableCredentialRechecked', evidence: r.evidence }))];
  return { vcId, evidence: { ...evidence, id: item.itemId }, held: presentedHeldCredential(view, achievement), revoked, reads };
}
