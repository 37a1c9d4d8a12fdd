import { randomUUID } from 'node:crypto';
import { NewEvent, RecordedEvent, SqliteEventStore } from '@app/event-store';
import { EventRelay, InMemoryCheckpointStore, RelayPublisher, UnroutableEventError } from '@app/messaging';
import { waitFor } from './event-fixtures';

const event = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'TestHappened',
  occurredAt: '2026-01-01T00:00:00.000Z',
  schemaVersion: 1,
  data: { n },
  metadata: { correlationId: 'c', causationId: null, actor: null },
});

/** Records every publish call; fails the calls whose numbers are in `failOn` (after "sending" them, like a lost ack). */
class RecordingPublisher implements RelayPublisher {
  readonly calls: RecordedEvent[][] = [];
  constructor(private readonly failOn: Set<number> = new Set()) {}
  async publish(events: readonly RecordedEvent[]): Promise<void> {
    this.calls.push([...events]);
    if (this.failOn.has(this.calls.length)) throw new Error(`broker unavailable (call ${this.calls.length})`);
  }
  get published(): RecordedEvent[] {
    return this.calls.flat();
  }
}

describe('EventRelay: event store -> publisher, checkpoint after the ack', () => {
  let store: SqliteEventStore;
  const relays: EventRelay[] = [];
  const start = async (publisher: RelayPublisher, checkpoints: InMemoryCheckpointStore, batchSize = 10): Promise<EventRelay> => {
    const relay = new EventRelay(store, publisher, checkpoints, { batchSize, pollIntervalMs: 10, retryDelayMs: { first: 10, max: 50 } });
    relays.push(relay);
    await relay.start();
    return relay;
  };

  beforeEach(() => {
    store = new SqliteEventStore(':memory:');
  });
  afterEach(async () => {
    for (const relay of relays.splice(0)) await relay.stop();
    await store.close();
  });

  async function appendLearners(learners: number, each: number): Promise<void> {
    for (let l = 0; l < learners; l++) await store.append(`learner-L${l}`, Array.from({ length: each }, (_, i) => event(i)), 'any');
  }

  it('publishes the catch-up in batches of at most batchSize, in global order, then checkpoints the last position', async () => {
    await appendLearners(5, 9); // 45 events
    const publisher = new RecordingPublisher();
    const checkpoints = new InMemoryCheckpointStore();
    const relay = await start(publisher, checkpoints);
    const head = await store.headPosition();
    await waitFor(() => relay.checkpoint === head, 5_000, () => `checkpoint ${head} (at ${relay.checkpoint})`);
    expect(publisher.calls.every((batch) => batch.length <= 10)).toBe(true);
    expect(publisher.calls.length).toBeGreaterThanOrEqual(5);
    const positions = publisher.published.map((e) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions).toHaveLength(45);
    expect(await checkpoints.load('kafka')).toBe(head);

    // Live: a later append is published too.
    await store.append('course-C1', [event(0)], 'any');
    await waitFor(() => publisher.published.length === 46, 5_000, () => 'the live event');
    expect(relay.status).toMatchObject({ running: true, published: 46, failures: 0, fatal: null });
  });

  it('while live, a linger gathers the events appended meanwhile into one batch (a full batch goes at once)', async () => {
    const publisher = new RecordingPublisher();
    const relay = new EventRelay(store, publisher, new InMemoryCheckpointStore(), { batchSize: 4, lingerMs: 150, pollIntervalMs: 10 });
    relays.push(relay);
    await relay.start();
    for (let i = 0; i < 3; i++) await store.append(`learner-L${i}`, [event(i)], 'any');
    await waitFor(() => publisher.published.length === 3, 5_000, () => 'the lingering batch');
    expect(publisher.calls.map((batch) => batch.length)).toEqual([3]);
    // Five at once: a full batch of 4 without waiting, then the last one after the linger.
    await store.append('learner-L9', Array.from({ length: 5 }, (_, i) => event(i)), 'any');
    await waitFor(() => publisher.published.length === 8, 5_000, () => 'the next batches');
    expect(publisher.calls.map((batch) => batch.length)).toEqual([3, 4, 1]);
  });

  it('after a failed publish it resumes from the stored checkpoint: the failed batch again, nothing skipped', async () => {
    await appendLearners(3, 10);
    const publisher = new RecordingPublisher(new Set([2]));
    const checkpoints = new InMemoryCheckpointStore();
    const relay = await start(publisher, checkpoints);
    const head = await store.headPosition();
    await waitFor(() => relay.checkpoint === head, 5_000, () => `checkpoint ${head}`);
    const [first, failed, retried] = publisher.calls;
    expect(retried.map((e) => e.id)).toEqual(failed.map((e) => e.id));
    expect(retried[0].position).toBeGreaterThan(first[first.length - 1].position);
    const distinct = new Set(publisher.published.map((e) => e.id));
    expect(distinct.size).toBe(30);
  });

  it('a restarted relay continues after the durable checkpoint (nothing published twice after a clean stop)', async () => {
    await appendLearners(2, 10);
    const checkpoints = new InMemoryCheckpointStore();
    const one = new RecordingPublisher();
    const first = await start(one, checkpoints);
    const firstHead = await store.headPosition();
    await waitFor(() => first.checkpoint === firstHead, 5_000, () => 'the first 20');
    await first.stop();
    await expect(first.done).resolves.toBeUndefined();
    await appendLearners(1, 5);
    const two = new RecordingPublisher();
    const second = await start(two, checkpoints);
    const head = await store.headPosition();
    await waitFor(() => second.checkpoint === head, 5_000, () => 'the rest');
    expect(two.published).toHaveLength(5);
    expect(new Set([...one.published, ...two.published].map((e) => e.id)).size).toBe(25);
  });

  it('stops loudly on an event without a Kafka route: what precedes it is published and checkpointed, nothing after it', async () => {
    await appendLearners(1, 4);
    await store.append('mystery-1', [event(0)], 'any');
    await store.append('learner-L9', [event(0)], 'any');
    const publisher = new RecordingPublisher();
    const checkpoints = new InMemoryCheckpointStore();
    const relay = await start(publisher, checkpoints);
    await expect(relay.done).rejects.toBeInstanceOf(UnroutableEventError);
    await expect(relay.done).rejects.toThrow(/mystery-1/);
    expect(publisher.published.map((e) => e.stream)).toEqual(['learner-L0', 'learner-L0', 'learner-L0', 'learner-L0']);
    expect(await checkpoints.load('kafka')).toBe(publisher.published[3].position);
    expect(relay.status).toMatchObject({ running: false, fatal: expect.stringMatching(/mystery-1/) });
  });
});
