import { RecordedEvent } from '@app/event-store';
import { randomUUID } from 'node:crypto';

/** A well-formed RecordedEvent for messaging tests (content is irrelevant to transport). */
export function recordedEvent(stream: string, revision: number, position: number, data: RecordedEvent['data'] = {}): RecordedEvent {
  return {
    id: randomUUID(),
    type: 'TestHappened',
    stream,
    revision,
    position,
    occurredAt: '2026-01-01T00:00:00.000Z',
    recordedAt: '2026-01-01T00:00:00.000Z',
    schemaVersion: 1,
    data,
    metadata: { correlationId: 'c-1', causationId: null, actor: { institutionId: 'inst-1', role: 'issuer' } },
    previousHash: revision === 0 ? null : 'prev',
    hash: `h-${stream}-${revision}`,
  };
}

/** `perLearner` events for each of `learners` learners, interleaved round-robin, positions 0.. */
export function learnerEvents(learners: number, perLearner: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  for (let revision = 0; revision < perLearner; revision++) {
    for (let l = 0; l < learners; l++) {
      events.push(recordedEvent(`learner-L${l}`, revision, events.length, { learnerId: `L${l}`, n: revision }));
    }
  }
  return events;
}

/** Polls `condition` every 100 ms until it holds or `timeoutMs` passes (then throws `what`). */
export async function waitFor(condition: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
