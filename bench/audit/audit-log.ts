import { randomUUID } from 'node:crypto';
import { EventStore, NewEvent } from '@app/event-store';

/** ~1 KB of JSON per event: a completion with a realistic spread of fields and a free-text assessment note. */
export function auditEvent(i: number): NewEvent {
  return {
    id: randomUUID(),
    type: i % 3 === 0 ? 'CompletionRecorded' : i % 3 === 1 ? 'EnrollmentRecorded' : 'CompletionCorrected',
    occurredAt: '2026-05-01T10:00:00.000Z',
    schemaVersion: 1,
    data: {
      learnerId: `learner-${i % 2000}`,
      completionId: randomUUID(),
      courseId: `mitx-ctl.sc${i % 5}x`,
      issuerId: 'mitx',
      credits: '4',
      unit: 'US_SEMESTER',
      grade: { scale: 'percent', value: String(60 + (i % 40)) },
      level: 7,
      field: 'supply-chain-management',
      assessment: { kind: 'proctored-exam', attempts: 1 + (i % 3), identityVerified: true, proctor: 'online-proctoring-vendor' },
      completedOn: '2026-04-28',
      evidence: [`https://credentials.example.org/verify/${randomUUID()}`, `sha256:${'ab'.repeat(32)}`],
      note: 'Assessment note: '.padEnd(300, 'lorem ipsum dolor sit amet consectetur adipiscing elit '),
    },
    metadata: { correlationId: randomUUID(), causationId: randomUUID(), actor: { institutionId: 'mitx', role: 'issuer' }, requestId: randomUUID() },
  };
}

/**
 * Appends `total` events directly to the store: `streams` streams, `perAppend` events per append,
 * round-robin over the streams so they interleave in the global order; `concurrency` appends in flight.
 */
export async function generateLog(store: EventStore, total: number, options = { streams: 2000, perAppend: 10, concurrency: 16 }): Promise<void> {
  const appends: { stream: string; events: NewEvent[] }[] = [];
  for (let i = 0; i < total; i += options.perAppend) {
    const stream = `learner-bench${(i / options.perAppend) % options.streams}`;
    appends.push({ stream, events: Array.from({ length: Math.min(options.perAppend, total - i) }, (_, k) => auditEvent(i + k)) });
  }
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < appends.length) {
      const { stream, events } = appends[next];
      next += 1;
      await store.append(stream, events, 'any');
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
}
