import { EvaluationRecord } from '../domain/evaluation-record';
import { EvidenceChangeKind } from '../domain/evidence-change';
import { RequestItem } from '../domain/transfer-request.events';

/**
 * The request items whose recorded evidence includes the changed completion or credential, in the
 * request's order: for a completion, the item naming it; for a credential, the item naming it and
 * every completion item whose evidence read the credential (its stack). Read from the evidence the
 * evaluation in force recorded (RequestEvaluated, or the latest re-evaluation).
 */
export function affectedItemsOf(items: readonly RequestItem[], basis: Pick<EvaluationRecord, 'evidenceRead'>, change: Pick<EvidenceChangeKind, 'refKind' | 'refId'>): string[] {
  const hit = new Set(basis.evidenceRead.filter((r) => r.itemId !== null && r.kind === change.refKind && r.refId === change.refId).map((r) => r.itemId as string));
  return items.filter((i) => hit.has(i.itemId)).map((i) => i.itemId);
}
