import { EventStore, RecordedEvent } from '@app/event-store';
import { collect, newEvent } from '../../event-store/test/contract-fixtures';

export { collect, newEvent as seedEvent };

/** The streams of the seeded log, with a prefix unique to the test. */
export function seedStreams(prefix: string) {
  return { learnerA: `learner-${prefix}a`, learnerB: `learner-${prefix}b`, transfer: `transfer-${prefix}t`, policy: `policy-${prefix}p` };
}

/**
 * A small log of interleaved streams and several event types (12 events in 4 streams), appended
 * one event at a time so the streams interleave in the global order.
 */
export async function seedLog(store: EventStore, prefix: string): Promise<ReturnType<typeof seedStreams>> {
  const s = seedStreams(prefix);
  const plan: [string, string][] = [
    [s.policy, 'PolicyVersionPublished'],
    [s.learnerA, 'LearnerRegistered'],
    [s.learnerB, 'LearnerRegistered'],
    [s.learnerA, 'CompletionRecorded'],
    [s.transfer, 'RequestSubmitted'],
    [s.learnerA, 'CompletionRecorded'],
    [s.learnerB, 'CompletionRecorded'],
    [s.transfer, 'RequestEvaluated'],
    [s.learnerA, 'CredentialAwarded'],
    [s.policy, 'PolicyVersionPublished'],
    [s.transfer, 'ItemsDecided'],
    [s.learnerA, 'CredentialRevoked'],
  ];
  for (const [index, [stream, type]] of plan.entries()) {
    await store.append(stream, [newEvent(type, { index, note: 'x'.repeat(40), nested: { credits: '2.5', tags: ['a', 'b'] } })], 'any');
  }
  return s;
}

export async function readStreamEvents(store: EventStore, stream: string): Promise<RecordedEvent[]> {
  return collect(store.readStream(stream));
}
