import { RecordedEvent } from '@app/event-store';
import { logLevel } from 'kafkajs';
import { allTopics, KafkaEventConsumer, KafkaEventPublisher } from '@app/messaging';
import { learnerEvents, recordedEvent, waitFor } from './event-fixtures';
import { useKafkaMock } from './kafka-mock-suite';

jest.setTimeout(120_000);

/** Start-up order must not matter: a projection may start before the relay published anything. */
describe('Kafka transport: a consumer started before its topics exist', () => {
  const mock = useKafkaMock();
  const { closers } = mock;

  it('receives events of every context published after it subscribed', async () => {
    const topicPrefix = `t-${Date.now()}-first.`;
    const received: RecordedEvent[] = [];
    const consumer = new KafkaEventConsumer({
      brokers: mock.brokers,
      groupId: `${topicPrefix}group`,
      topics: allTopics(topicPrefix),
      logLevel: logLevel.NOTHING,
      sessionTimeoutMs: 10_000,
    });
    closers.push(() => consumer.stop());
    await consumer.start(async (event) => {
      received.push(event);
    });

    const events = [
      ...learnerEvents(3, 5),
      recordedEvent('course-C1', 0, 100),
      recordedEvent('transfer-R1', 0, 101, { learnerId: 'L0' }),
      recordedEvent('transfer-R1', 1, 102),
      recordedEvent('access', 0, 103),
    ];
    const publisher = new KafkaEventPublisher({ brokers: mock.brokers, topicPrefix, logLevel: logLevel.NOTHING });
    closers.push(() => publisher.disconnect());
    await publisher.publish(events);

    await waitFor(() => received.length >= events.length, 90_000, () => `${events.length} events (got ${received.length})`);
    await consumer.stop();
    expect(received.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(new Set(received.map((e) => e.stream.split('-')[0]))).toEqual(new Set(['learner', 'course', 'transfer', 'access']));
    expect(received.filter((e) => e.stream === 'transfer-R1').map((e) => e.revision)).toEqual([0, 1]);
  });
});
