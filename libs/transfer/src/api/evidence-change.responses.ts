import { s } from '@app/platform';

/**
 * OpenAPI schemas of what an evidence change records (RequestEvidenceChanged), shared by the
 * request view, the queue and the ledger.
 */
export const EVIDENCE_CHANGE_CAUSE = s.object(
  { eventId: s.string(), eventType: s.string(), stream: s.string(), position: s.integer(), occurredAt: s.dateTime(), recordedAt: s.dateTime() },
  { description: 'the learner event that changed the evidence' },
);

const grade = s.object({ scale: s.string(), value: s.string() });

export const EVIDENCE_CHANGE_KIND = {
  oneOf: [
    s.object({ kind: { const: 'revoked' }, refKind: s.enum(['credential', 'verifiable-credential']), refId: s.string(), reason: s.string(), on: s.date() }),
    s.object({ kind: { const: 'regraded' }, refKind: { const: 'completion' }, refId: s.string(), from: grade, to: grade, reason: s.string(), on: s.date() }),
    s.object({ kind: { const: 'withdrawn' }, refKind: { const: 'completion' }, refId: s.string(), reason: s.string(), on: s.date() }),
  ],
  description: 'what changed: a credential revoked, a completion regraded (from, to) or withdrawn',
};

/** A change with its cause and a sentence. */
export const DESCRIBED_EVIDENCE_CHANGE = s.object({ cause: EVIDENCE_CHANGE_CAUSE, change: EVIDENCE_CHANGE_KIND, description: s.string() });
