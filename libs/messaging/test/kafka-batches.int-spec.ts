import { Kafka, logLevel } from 'kafkajs';
import { allTopics, KafkaDelivery, KafkaEventConsumer, KafkaEventPublisher } from '@app/messaging';
import { learnerEvents, waitFor } from './event-fixtures';
import { useKafkaMock } from './kafka-mock-suite';

jest.setTimeout(150_000);

/**
 * Per batch (`startBatches`, what the projector uses): a fetched batch is handed over in slices
 * of at most `maxBatchEvents` events of one partition, in offset order; a slice's offsets are
 * committed only after its handler resolved, so a handler that fails gets its whole slice again.
 */
describe('Kafka transport: batches handed over in slices, committed after the handler', () => {
  const mock = useKafkaMock();
  const { closers } = mock;

  it('slices of <= maxBatchEvents from one partition; a failed slice is not committed and comes again whole', async () => {
    const topicPrefix = `t-${Date.now()}-batches.`;
    const groupId = `${topicPrefix}group`;
    const events = learnerEvents(4, 10);
    const publisher = new KafkaEventPublisher({ brokers: mock.brokers, topicPrefix, logLevel: logLevel.NOTHING });
    closers.push(() => publisher.disconnect());
    await publisher.publish(events); // one send: a record batch of ~10 events per partition
    const options = { brokers: mock.brokers, groupId, topics: allTopics(topicPrefix), logLevel: logLevel.NOTHING, sessionTimeoutMs: 10_000, maxWaitTimeMs: 100, maxBatchEvents: 3 };

    // Consumer A: its fourth slice fails (no retry, no restart).
    const slicesA: KafkaDelivery[][] = [];
    let crash: Error | null = null;
    const a = new KafkaEventConsumer({ ...options, retries: 0, restartOnFailure: false, onCrash: (e) => (crash = e) });
    closers.push(() => a.stop());
    await a.startBatches(async (deliveries) => {
      slicesA.push([...deliveries]);
      if (slicesA.length === 4) throw new Error('simulated failure of the slice transaction');
    });
    await waitFor(() => crash !== null, 60_000, () => `consumer A to crash (slices: ${slicesA.length})`);
    await a.stop();
    for (const slice of slicesA) {
      expect(slice.length).toBeGreaterThanOrEqual(1);
      expect(slice.length).toBeLessThanOrEqual(3);
      expect(new Set(slice.map((d) => `${d.meta.topic}/${d.meta.partition}`)).size).toBe(1);
      const offsets = slice.map((d) => Number(d.meta.offset));
      expect(offsets).toEqual(offsets.map((_, i) => offsets[0] + i));
    }
    const failed = slicesA[3];
    const { topic, partition, offset: firstFailed } = failed[0].meta;
    const admin = new Kafka({ clientId: 'offsets', brokers: mock.brokers, logLevel: logLevel.NOTHING }).admin();
    closers.push(() => admin.disconnect());
    await admin.connect();
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const at = committed.partitions.find((p) => p.partition === partition)?.offset;
    expect(at === '-1' ? '0' : at).toBe(firstFailed);

    // Consumer B, same group: the failed slice's events come again first on that partition, then the rest.
    // (A may have finished slices of another partition after the failure: a fetch for another broker was under way.)
    const doneByA = slicesA.filter((slice) => slice !== failed);
    const slicesB: KafkaDelivery[][] = [];
    const b = new KafkaEventConsumer(options);
    closers.push(() => b.stop());
    await b.startBatches(async (deliveries) => void slicesB.push([...deliveries]));
    const seen = (): Set<string> => new Set([...doneByA, ...slicesB].flat().map((d) => d.event.id));
    await waitFor(() => seen().size === events.length, 60_000, () => `all ${events.length} events (seen ${seen().size})`);
    await b.stop();
    const again = slicesB.flat().filter((d) => d.meta.topic === topic && d.meta.partition === partition);
    expect(again.slice(0, failed.length).map((d) => d.event.id)).toEqual(failed.map((d) => d.event.id));
    // Nothing of the committed slices comes again: each event exactly once outside the failed slice.
    const failedIds = new Set(failed.map((d) => d.event.id));
    const delivered = [...doneByA, ...slicesB].flat();
    expect(delivered.filter((d) => !failedIds.has(d.event.id))).toHaveLength(events.length - failed.length);
    for (const stream of new Set(events.map((e) => e.stream))) {
      expect(delivered.filter((d) => d.event.stream === stream).map((d) => d.event.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });
});
