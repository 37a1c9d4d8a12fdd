/**
 * What changed in the evidence of a request, as the transfer context records it. Plain JSON; the
 * records context's event shapes are read only by the application layer (evidence-change reader).
 */

/** The learner event that changed the evidence: id, type, stream and global position, and its times. */
export type EvidenceChangeCause = {
  eventId: string;
  eventType: string;
  stream: string;
  position: number;
  occurredAt: string;
  recordedAt: string;
};

export type GradeRef = { scale: string; value: string };

/** The change itself: a credential revoked, a completion regraded (from -> to) or withdrawn. */
export type EvidenceChangeKind =
  | { kind: 'revoked'; refKind: 'credential' | 'verifiable-credential'; refId: string; reason: string; on: string }
  | { kind: 'regraded'; refKind: 'completion'; refId: string; from: GradeRef; to: GradeRef; reason: string; on: string }
  | { kind: 'withdrawn'; refKind: 'completion'; refId: string; reason: string; on: string };

/** "credential k1 revoked on 2026-10-01 (fraud)", "completion c1 regraded from 86 (percent) to 50 (percent)". */
export function describeEvidenceChange(change: EvidenceChangeKind): string {
  const what = `${change.refKind} ${change.refId}`;
  switch (change.kind) {
    case 'revoked':
      return `${what} revoked on ${change.on} (${change.reason})`;
    case 'withdrawn':
      return `${what} withdrawn on ${change.on} (${change.reason})`;
    case 'regraded':
      return `${what} regraded from ${change.from.value} (${change.from.scale}) to ${change.to.value} (${change.to.scale}) on ${change.on} (${change.reason})`;
  }
}
