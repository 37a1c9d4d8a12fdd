import { Offsets } from 'kafkajs';
import { FetchedBatch, KafkaDelivery, PartitionPipelines } from '@app/messaging';
import { recordedEvent } from './event-fixtures';

/** A handler whose calls wait until released one by one (or fail), recording each call's offsets. */
function heldHandler() {
  const calls: string[][] = [];
  const releases: Array<(error?: Error) => void> = [];
  const handler = (deliveries: readonly KafkaDelivery[]): Promise<void> => {
    calls.push(deliveries.map((d) => `${d.meta.partition}@${d.meta.offset}`));
    return new Promise<void>((resolve, reject) => releases.push((error) => (error ? reject(error) : resolve())));
  };
  return { handler, calls, release: (error?: Error) => releases.shift()?.(error) };
}

/** Kafka-ish surroundings: resolved positions, committed offsets and pending seeks per partition. */
function partitions() {
  const resolved = new Map<number, string>();
  const committed = new Map<number, string>();
  const seeks = new Map<number, string>();
  const commitRequests: Offsets[] = [];
  const commit = async (offsets: Offsets): Promise<void> => {
    commitRequests.push(offsets);
    for (const t of offsets.topics) for (const p of t.partitions) committed.set(p.partition, p.offset);
  };
  const batch = (partition: number, offsets: number[]): FetchedBatch => ({
    topic: 't',
    partition,
    messages: offsets.map((o) => ({ offset: String(o), delivery: { event: recordedEvent(`learner-${partition}`, o, o), meta: { topic: 't', partition, offset: String(o) } } })),
    commit,
    resolve: () => resolved.set(partition, String(offsets[offsets.length - 1] + 1)),
    isStale: () => seeks.has(partition),
  });
  return { resolved, committed, seeks, commitRequests, batch, seek: (_topic: string, partition: number, offset: string) => void seeks.set(partition, offset) };
}

/** Lets the handler calls, lanes and offset commits that can go on do so (a few turns of the event loop; no timers). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('PartitionPipelines: the next fetch does not wait for the handler; order and commits per partition', () => {
  let commitFailures: unknown[] = [];
  beforeEach(() => (commitFailures = []));
  afterEach(() => expect(commitFailures).toEqual([]));

  it('queues batches fetched while a handler call runs and hands them over together; offsets committed after each call', async () => {
    const { handler, calls, release } = heldHandler();
    const kafka = partitions();
    const pipelines = new PartitionPipelines({ handler, maxBatchEvents: 10, seek: kafka.seek, onCommitFailed: (e) => commitFailures.push(e) });

    await pipelines.take(kafka.batch(0, [0, 1]));
    expect(kafka.resolved.get(0)).toBe('2'); // resolved at once: kafkajs fetches on
    await pipelines.take(kafka.batch(0, [2]));
    await pipelines.take(kafka.batch(0, [3, 4]));
    expect(calls).toEqual([['0@0', '0@1']]); // one call at a time per partition
    expect(kafka.committed.size).toBe(0);

    release();
    await settle();
    expect(calls[1]).toEqual(['0@2', '0@3', '0@4']);
    expect(kafka.committed.get(0)).toBe('2');
    release();
    await settle();
    expect(kafka.committed.get(0)).toBe('5');
  });

  it('runs partitions side by side and commits their offsets in one request', async () => {
    const { handler, calls, release } = heldHandler();
    const kafka = partitions();
    const pipelines = new PartitionPipelines({ handler, maxBatchEvents: 10, seek: kafka.seek, onCommitFailed: (e) => commitFailures.push(e) });
    await pipelines.take(kafka.batch(0, [0]));
    await pipelines.take(kafka.batch(1, [0, 1]));
    expect(calls).toEqual([['0@0'], ['1@0', '1@1']]);
    release();
    release();
    await settle();
    await settle();
    expect(kafka.commitRequests).toEqual([{ topics: [{ topic: 't', partitions: [{ partition: 0, offset: '1' }, { partition: 1, offset: '2' }] }] }]);
  });

  it('never hands over more than maxBatchEvents messages at once, and holds the fetch while that many are queued', async () => {
    const { handler, calls, release } = heldHandler();
    const kafka = partitions();
    const pipelines = new PartitionPipelines({ handler, maxBatchEvents: 2, seek: kafka.seek, onCommitFailed: (e) => commitFailures.push(e) });
    await pipelines.take(kafka.batch(0, [0, 1, 2, 3, 4]));
    let third = false;
    const taking = pipelines.take(kafka.batch(0, [5])).then(() => (third = true));
    await settle();
    expect(third).toBe(false); // 3 queued >= 2: the fetch waits
    release();
    await settle();
    release();
    await taking;
    expect(third).toBe(true);
    for (let i = 0; i < 2; i++) {
      release();
      await settle();
    }
    expect(calls).toEqual([['0@0', '0@1'], ['0@2', '0@3'], ['0@4', '0@5']]);
    expect(kafka.committed.get(0)).toBe('6');
  });

  it('after a failed call: nothing later of that partition is handed over or committed; the partitions are rewound; the error is thrown from that partition\'s next batch, after the other calls under way committed', async () => {
    const { handler, calls, release } = heldHandler();
    const kafka = partitions();
    const pipelines = new PartitionPipelines({ handler, maxBatchEvents: 10, seek: kafka.seek, onCommitFailed: (e) => commitFailures.push(e) });
    await pipelines.take(kafka.batch(0, [0, 1]));
    await pipelines.take(kafka.batch(0, [2, 3])); // queued behind the first call
    await pipelines.take(kafka.batch(1, [0])); // partition 1: under way
    await pipelines.take(kafka.batch(1, [1])); // queued
    release(new Error('transaction rolled back')); // partition 0's call fails
    await settle();
    expect(kafka.seeks.get(0)).toBe('0'); // read again from the failed call's first offset
    expect(kafka.seeks.get(1)).toBe('1'); // its queued message dropped: read again
    expect(calls).toEqual([['0@0', '0@1'], ['1@0']]);

    // A batch fetched before the rewind is dropped; the rewound partition's next batch waits for partition 1's call, then throws.
    await pipelines.take(kafka.batch(0, [4]));
    kafka.seeks.clear();
    let thrown: unknown = null;
    const throwing = pipelines.take(kafka.batch(0, [0, 1, 2, 3])).catch((error: unknown) => (thrown = error));
    await settle();
    expect(thrown).toBeNull();
    release(); // partition 1's call
    await throwing;
    expect((thrown as Error).message).toBe('transaction rolled back');
    expect(kafka.committed.get(0)).toBeUndefined();
    expect(kafka.committed.get(1)).toBe('1');

    // kafkajs fetches again: running ahead again from the failed offset.
    await pipelines.take(kafka.batch(0, [0, 1, 2, 3]));
    await settle();
    expect(calls[2]).toEqual(['0@0', '0@1', '0@2', '0@3']);
    release();
    await settle();
    await settle();
    expect(kafka.committed.get(0)).toBe('4');
  });

  it('between a failure and its throw, other partitions\' batches are handled and committed before take returns', async () => {
    const { handler, calls, release } = heldHandler();
    const kafka = partitions();
    const pipelines = new PartitionPipelines({ handler, maxBatchEvents: 10, seek: kafka.seek, onCommitFailed: (e) => commitFailures.push(e) });
    await pipelines.take(kafka.batch(0, [0]));
    release(new Error('boom'));
    await settle();
    let returned = false;
    const taking = pipelines.take(kafka.batch(1, [0, 1])).then(() => (returned = true));
    await settle();
    expect(calls).toEqual([['0@0'], ['1@0', '1@1']]);
    expect(returned).toBe(false);
    release();
    await taking;
    expect(kafka.committed.get(1)).toBe('2');
  });

  it('after a re-join (reset), what was queued is not handed over and the call under way is not committed', async () => {
    const { handler, calls, release } = heldHandler();
    const kafka = partitions();
    const pipelines = new PartitionPipelines({ handler, maxBatchEvents: 10, seek: kafka.seek, onCommitFailed: (e) => commitFailures.push(e) });
    await pipelines.take(kafka.batch(0, [0]));
    await pipelines.take(kafka.batch(0, [1]));
    pipelines.reset();
    await pipelines.take(kafka.batch(0, [0, 1])); // the new generation reads from the committed offset
    release();
    await settle();
    expect(calls).toEqual([['0@0'], ['0@0', '0@1']]); // the new lane waited for the old call
    release();
    await settle();
    await settle();
    expect(kafka.commitRequests).toEqual([{ topics: [{ topic: 't', partitions: [{ partition: 0, offset: '2' }] }] }]);
  });

  it('close: waits for the calls under way and commits them; takes nothing more', async () => {
    const { handler, calls, release } = heldHandler();
    const kafka = partitions();
    const pipelines = new PartitionPipelines({ handler, maxBatchEvents: 10, seek: kafka.seek, onCommitFailed: (e) => commitFailures.push(e) });
    await pipelines.take(kafka.batch(0, [0]));
    await pipelines.take(kafka.batch(0, [1]));
    const closing = pipelines.close();
    release();
    await closing;
    await pipelines.take(kafka.batch(0, [2]));
    expect(calls).toEqual([['0@0']]);
    expect(kafka.committed.get(0)).toBe('1');
    expect(kafka.seeks.size).toBe(0);
  });
});
