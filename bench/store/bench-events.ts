import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { NewEvent } from '@app/event-store';

/**
 * A realistic event: a recorded completion of about 400 bytes of JSON, with a time-ordered
 * UUIDv7 id as runCommand generates (the raw baselines insert the very same ids).
 */
export function completionEvent(i: number): NewEvent {
  return {
    id: uuidv7(),
    type: 'CompletionRecorded',
    occurredAt: '2026-05-01T10:00:00.000Z',
    schemaVersion: 1,
    data: {
      learnerId: `learner-${i % 997}`,
      courseId: `MITx-SC${i % 5}x`,
      issuerId: 'inst-mitx',
      credits: '4',
      unit: 'US_SEMESTER',
      grade: { scale: 'percent', value: '87' },
      level: 7,
      field: 'supply-chain',
      assessment: 'proctored-exam',
      identityVerified: true,
      completedOn: '2026-04-28',
    },
    metadata: { correlationId: randomUUID(), causationId: null, actor: { institutionId: 'inst-mitx', role: 'issuer' } },
  };
}

/** The same event as a raw row for the driver baselines (same columns, same JSON payload). */
export function rawRow(event: NewEvent, stream: string, revision: number) {
  return {
    id: event.id,
    stream,
    revision,
    type: event.type,
    occurredAt: event.occurredAt,
    recordedAt: new Date().toISOString(),
    schemaVersion: event.schemaVersion,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
    previousHash: null,
    hash: 'x'.repeat(64),
  };
}
