import { RecordedEvent } from '@app/event-store';
import { EVIDENCE_CHANGE_EVENT_TYPES, EvidenceChangeEvent, learnerIdOfStream } from '@app/records';
import { EvidenceChangeCause, EvidenceChangeKind } from '../domain/evidence-change';

/** The learner event types the reactor follows, and the transfer event that tells it which requests a learner has. */
export const REACTOR_EVENT_TYPES: readonly string[] = [...EVIDENCE_CHANGE_EVENT_TYPES, 'RequestSubmitted'];

export interface EvidenceChangeOf {
  learnerId: string;
  cause: EvidenceChangeCause;
  change: EvidenceChangeKind;
}

const isEvidenceChange = (event: RecordedEvent): boolean => (EVIDENCE_CHANGE_EVENT_TYPES as readonly string[]).includes(event.type);

/**
 * A stored learner event as an evidence change (null for any other event): the records context's
 * event shapes are read here and in the learner evidence reader only.
 */
export function evidenceChangeOf(event: RecordedEvent): EvidenceChangeOf | null {
  const learnerId = learnerIdOfStream(event.stream);
  if (learnerId === null || !isEvidenceChange(event)) return null;
  const cause: EvidenceChangeCause = {
    eventId: event.id,
    eventType: event.type,
    stream: event.stream,
    position: event.position,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
  };
  const e = { type: event.type, data: event.data } as EvidenceChangeEvent;
  switch (e.type) {
    case 'VerifiableCredentialRechecked': {
      const { status, previousStatus } = e.data;
      const newlyRevoked = (status === 'revoked' || status === 'suspended') && previousStatus !== 'revoked' && previousStatus !== 'suspended';
      if (!newlyRevoked) return null;
      const reason = `${status} in its issuer's status list${e.data.statusList ? ` (${e.data.statusList.url}, sha-256 ${e.data.statusList.digest.slice(0, 12)}…)` : ''}`;
      return { learnerId, cause, change: { kind: 'revoked', refKind: 'verifiable-credential', refId: e.data.vcId, reason, on: e.data.recheckedOn } };
    }
    case 'MicroCredentialRevoked':
      return { learnerId, cause, change: { kind: 'revoked', refKind: 'credential', refId: e.data.credentialId, reason: e.data.reason, on: e.data.revokedOn } };
    case 'CompletionWithdrawn':
      return { learnerId, cause, change: { kind: 'withdrawn', refKind: 'completion', refId: e.data.completionId, reason: e.data.reason, on: e.data.withdrawnOn } };
    case 'CompletionCorrected':
      return {
        learnerId,
        cause,
        change: {
          kind: 'regraded',
          refKind: 'completion',
          refId: e.data.completionId,
          from: { scale: e.data.previousGrade.scale, value: e.data.previousGrade.value },
          to: { scale: e.data.grade.scale, value: e.data.grade.value },
          reason: e.data.reason,
          on: e.data.correctedOn,
        },
      };
  }
}
