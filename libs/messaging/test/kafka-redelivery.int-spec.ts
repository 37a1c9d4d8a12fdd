import { RecordedEvent } from '@app/event-store';
import { Kafka, logLevel } from 'kafkajs';
import { allTopics, InMemoryInbox, KafkaEventConsumer, KafkaEventPublisher, MessageMeta } from '@app/messaging';
import { learnerEvents, waitFor } from './event-fixtures';
import { useKafkaMock } from './kafka-mock-suite';

jest.setTimeout(150_000);

/**
 * At least once: a consumer that crashes after its handler did the work but before the offset
 * was committed makes the group redeliver that message; dropping duplicates by event id (what
 * the projections' inbox does) yields every event exactly once.
 */
describe('Kafka transport: redelivery after a crash before commit', () => {
  const mock = useKafkaMock();
  const { closers } = mock;

  it('redelivers the message whose handler ran but whose offset was not committed', async () => {
    const topicPrefix = `t-${Date.now()}-redelivery.`;
    const groupId = `${topicPrefix}group`;
    const events = learnerEvents(3, 10);
    const publisher = new KafkaEventPublisher({ brokers: mock.brokers, topicPrefix, logLevel: logLevel.NOTHING });
    closers.push(() => publisher.disconnect());
    await publisher.publish(events);

    const consumerOptions = {
      brokers: mock.brokers,
      groupId,
      topics: allTopics(topicPrefix),
      logLevel: logLevel.NOTHING,
      sessionTimeoutMs: 10_000,
    };
    const deliveries: Array<{ consumer: 'A' | 'B'; event: RecordedEvent; meta: MessageMeta }> = [];

    // Consumer A records each event (the side effect is done), then "crashes" on its 12th:
    // the handler throws after recording, no retries, no restart. (A may still finish a batch
    // of another partition that a fetcher for another broker was handling at that moment.)
    let crash: Error | null = null;
    let crashed: { event: RecordedEvent; meta: MessageMeta } | undefined;
    const a = new KafkaEventConsumer({ ...consumerOptions, retries: 0, restartOnFailure: false, onCrash: (e) => (crash = e) });
    closers.push(() => a.stop());
    await a.start(async (event, meta) => {
      deliveries.push({ consumer: 'A', event, meta });
      if (deliveries.length === 12) {
        crashed = { event, meta };
        throw new Error('simulated crash after the work, before the commit');
      }
    });
    await waitFor(() => crash !== null, 60_000, () => `consumer A to crash (deliveries: ${deliveries.length})`);
    await a.stop();
    if (!crashed) throw new Error('no crashed delivery recorded');
    const lost: { event: RecordedEvent; meta: MessageMeta } = crashed;

    // The committed offset of the crashed message's partition is that message's own offset:
    // everything before it in the partition is committed, it is not.
    const admin = new Kafka({ clientId: 'offsets', brokers: mock.brokers, logLevel: logLevel.NOTHING }).admin();
    closers.push(() => admin.disconnect());
    await admin.connect();
    const committed = await admin.fetchOffsets({ groupId, topics: [lost.meta.topic] });
    const partitionOffset = committed[0].partitions.find((p) => p.partition === lost.meta.partition);
    expect(partitionOffset?.offset).toBe(lost.meta.offset);

    // Consumer B joins the same group and gets the crashed message again, then the rest.
    const b = new KafkaEventConsumer(consumerOptions);
    closers.push(() => b.stop());
    await b.start(async (event, meta) => {
      deliveries.push({ consumer: 'B', event, meta });
    });
    const distinct = (): number => new Set(deliveries.map((d) => d.event.id)).size;
    await waitFor(() => distinct() === events.length, 90_000, () => `all ${events.length} events (distinct: ${distinct()})`);
    await b.stop();

    // At least once: A did the work for the crashed message, B does it again, starting there.
    const byB = deliveries.filter((d) => d.consumer === 'B');
    expect(deliveries.filter((d) => d.consumer === 'A' && d.event.id === lost.event.id)).toHaveLength(1);
    expect(byB.filter((d) => d.event.id === lost.event.id)).toHaveLength(1);
    expect(deliveries.length).toBeGreaterThan(events.length);
    const firstOnPartition = byB.find((d) => d.meta.topic === lost.meta.topic && d.meta.partition === lost.meta.partition);
    expect(firstOnPartition?.event.id).toBe(lost.event.id);

    // Dropping duplicates by event id (the inbox) gives each event exactly once, in stream order.
    const inbox = new InMemoryInbox();
    const applied: RecordedEvent[] = [];
    for (const { event } of deliveries) {
      if (await inbox.seen(event.id)) continue;
      applied.push(event);
      await inbox.record(event.id);
    }
    expect(inbox.size).toBe(events.length);
    expect(applied.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    for (const stream of new Set(events.map((e) => e.stream))) {
      expect(applied.filter((e) => e.stream === stream).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });
});
