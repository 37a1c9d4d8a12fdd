import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { encodeEventMessage, KafkaEventConsumer, MalformedMessageReport, topicOf } from '@app/messaging';
import { RecordedEvent } from '@app/event-store';
import { recordedEvent, waitFor } from './event-fixtures';
import { useKafkaMock } from './kafka-mock-suite';

jest.setTimeout(120_000);

describe('Kafka transport: a malformed message is reported and skipped, not a crash', () => {
  const mock = useKafkaMock();
  const { closers } = mock;

  it('skips garbage, an unknown envelope version and a bad event; keeps consuming; commits past them', async () => {
    const topicPrefix = `t-${Date.now()}-malformed.`;
    const topic = topicOf('records', topicPrefix);
    const groupId = `${topicPrefix}group`;
    const kafka = new Kafka({ clientId: 'raw', brokers: mock.brokers, logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    closers.push(() => producer.disconnect());
    await producer.connect();
    const good = [0, 1, 2, 3].map((revision) => recordedEvent('learner-L1', revision, revision));
    const value = (event: RecordedEvent): string => encodeEventMessage(event, topicPrefix).value;
    // All on key L1: one partition, so the order below is the order of consumption.
    await producer.send({
      topic,
      acks: -1,
      messages: [
        value(good[0]),
        '{not json',
        JSON.stringify({ v: 2, event: good[1] }),
        value(good[1]),
        JSON.stringify({ v: 1, event: { ...good[2], id: 42 } }),
        value(good[2]),
      ].map((v) => ({ key: 'L1', value: v })),
    });

    const handled: RecordedEvent[] = [];
    const reports: MalformedMessageReport[] = [];
    let crashed: Error | null = null;
    const consumer = new KafkaEventConsumer({
      brokers: mock.brokers,
      groupId,
      topics: [topic],
      logLevel: logLevel.NOTHING,
      sessionTimeoutMs: 10_000,
      onMalformed: (report) => reports.push(report),
      onCrash: (error) => (crashed = error),
    });
    closers.push(() => consumer.stop());
    await consumer.start(async (event) => {
      handled.push(event);
    });
    await waitFor(() => handled.length === 3, 60_000, () => `3 good events (got ${handled.length}, reports ${reports.length})`);

    // Still alive: an event produced after the bad ones arrives too.
    await producer.send({ topic, acks: -1, messages: [{ key: 'L1', value: value(good[3]) }] });
    await waitFor(() => handled.length === 4, 60_000, () => `the 4th event (got ${handled.length})`);
    await consumer.stop();

    expect(crashed).toBeNull();
    expect(handled.map((e) => e.id)).toEqual(good.map((e) => e.id));
    expect(reports.map((r) => [r.key, r.offset])).toEqual([
      ['L1', '1'],
      ['L1', '2'],
      ['L1', '4'],
    ]);
    expect(reports[0].error).toMatch(/not JSON/);
    expect(reports[1].error).toMatch(/envelope version 2/);
    expect(reports[2].error).toMatch(/^\/event\/id:/);
    expect(reports.every((r) => r.topic === topic)).toBe(true);

    // The skipped messages are committed like handled ones: the group's offset is past all 7.
    const admin = kafka.admin();
    closers.push(() => admin.disconnect());
    await admin.connect();
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const partition = reports[0].partition;
    expect(offsets.partitions.find((p) => p.partition === partition)?.offset).toBe('7');
  });
});
