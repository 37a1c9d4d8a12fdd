import { RecordedEvent } from '@app/event-store';
import { logLevel } from 'kafkajs';
import { KafkaEventConsumer, KafkaEventPublisher, MessageMeta, allTopics } from '@app/messaging';
import { learnerEvents, waitFor } from './event-fixtures';
import { useKafkaMock } from './kafka-mock-suite';

jest.setTimeout(120_000);

describe('Kafka transport against the librdkafka mock cluster: ordered, complete delivery', () => {
  const mock = useKafkaMock();
  const { closers } = mock;

  it('delivers 200 events of 20 learners, each once, in order per learner, to a consumer group', async () => {
    const topicPrefix = `t-${Date.now()}-order.`;
    const events = learnerEvents(20, 10);
    const publisher = new KafkaEventPublisher({ brokers: mock.brokers, topicPrefix, logLevel: logLevel.NOTHING });
    closers.push(() => publisher.disconnect());
    for (let i = 0; i < events.length; i += 25) await publisher.publish(events.slice(i, i + 25));

    const received: Array<{ event: RecordedEvent; meta: MessageMeta }> = [];
    const consumer = new KafkaEventConsumer({
      brokers: mock.brokers,
      groupId: `${topicPrefix}group`,
      topics: allTopics(topicPrefix),
      logLevel: logLevel.NOTHING,
      sessionTimeoutMs: 10_000,
    });
    closers.push(() => consumer.stop());
    await consumer.start(async (event, meta) => {
      received.push({ event, meta });
    });
    await waitFor(() => received.length >= events.length, 90_000, () => `200 events (got ${received.length})`);
    await consumer.stop();

    expect(received).toHaveLength(200);
    expect(new Set(received.map((r) => r.event.id)).size).toBe(200);
    const revisionsByLearner = new Map<string, number[]>();
    const partitionsByLearner = new Map<string, Set<number>>();
    for (const { event, meta } of received) {
      revisionsByLearner.set(event.stream, [...(revisionsByLearner.get(event.stream) ?? []), event.revision]);
      partitionsByLearner.set(event.stream, (partitionsByLearner.get(event.stream) ?? new Set()).add(meta.partition));
    }
    expect(revisionsByLearner.size).toBe(20);
    for (const revisions of revisionsByLearner.values()) expect(revisions).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const partitions of partitionsByLearner.values()) expect(partitions.size).toBe(1);
    // The learners really are spread over several partitions (ordering is per key, not global).
    expect(new Set(received.map((r) => r.meta.partition)).size).toBeGreaterThan(1);
  });

  it('a clean stop() commits what was handled: the next consumer of the group continues without loss or repeats', async () => {
    const topicPrefix = `t-${Date.now()}-stop.`;
    const events = learnerEvents(10, 10);
    const publisher = new KafkaEventPublisher({ brokers: mock.brokers, topicPrefix, logLevel: logLevel.NOTHING });
    closers.push(() => publisher.disconnect());
    await publisher.publish(events);
    const options = { brokers: mock.brokers, groupId: `${topicPrefix}group`, topics: allTopics(topicPrefix), logLevel: logLevel.NOTHING, sessionTimeoutMs: 10_000 };

    const first: RecordedEvent[] = [];
    let stopping: Promise<void> | undefined;
    const one = new KafkaEventConsumer(options);
    closers.push(() => one.stop());
    await one.start(async (event) => {
      first.push(event);
      // Stopping from inside the handler: without await (stop waits for the handler).
      if (first.length === 40) stopping = one.stop();
    });
    await waitFor(() => stopping !== undefined, 90_000, () => `40 events for the first consumer (got ${first.length})`);
    await stopping;

    const second: RecordedEvent[] = [];
    const two = new KafkaEventConsumer(options);
    closers.push(() => two.stop());
    await two.start(async (event) => {
      second.push(event);
    });
    await waitFor(() => first.length + second.length >= events.length, 90_000, () => `${events.length} events (got ${first.length} + ${second.length})`);
    await two.stop();

    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(first.length).toBeLessThan(events.length);
    const all = [...first, ...second];
    expect(all).toHaveLength(events.length);
    expect(all.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    for (const stream of new Set(events.map((e) => e.stream))) {
      expect(all.filter((e) => e.stream === stream).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });
});
