import { RecordedEvent } from '@app/event-store';
import { CompressionTypes, Kafka, Message, Partitioners, Producer, TopicMessages } from 'kafkajs';
import { createKafka, KafkaConnectionOptions } from './kafka-client';
import { DEFAULT_TOPIC_PREFIX } from './event-routing';
import { encodeEventMessage } from './event-message';

export interface KafkaEventPublisherOptions extends KafkaConnectionOptions {
  /** Topic = prefix + bounded context. Default `credit-transfer.events.`. */
  topicPrefix?: string;
}

/**
 * Publishes RecordedEvents to Kafka, one topic per bounded context, keyed by learner or stream.
 *
 * Delivery is at least once, by design:
 * - `acks: -1` (all in-sync replicas) before `publish` resolves; the relay advances its checkpoint
 *   only after that, so a crash re-publishes from the checkpoint: duplicates, never gaps.
 * - NOT the idempotent producer: the mock broker used in tests (librdkafka's, controller id 0)
 *   refuses it, and it would only narrow a window that exists anyway (a relay restart re-sends).
 *   Consumers drop duplicates by event id (the inbox), so a duplicate is harmless.
 * - `maxInFlightRequests: 1`: without idempotence, this is what keeps a retried request from
 *   overtaking a later one, so the order within a key (partition) is the order of `publish` calls.
 *   Callers must await each `publish` before the next (the relay does).
 */
export class KafkaEventPublisher {
  private readonly producer: Producer;
  private readonly topicPrefix: string;
  private connected = false;

  constructor(options: KafkaEventPublisherOptions, kafka: Kafka = createKafka(options)) {
    this.topicPrefix = options.topicPrefix ?? DEFAULT_TOPIC_PREFIX;
    this.producer = kafka.producer({
      idempotent: false,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: true,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  /**
   * Sends the events in one `sendBatch` (grouped by topic, order kept within each topic and so
   * within each key). Resolves once every message is acknowledged by all in-sync replicas;
   * rejects (nothing to assume about which were written) on failure: retry the same events.
   */
  async publish(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (!this.connected) await this.connect();
    const byTopic = new Map<string, Message[]>();
    for (const event of events) {
      const encoded = encodeEventMessage(event, this.topicPrefix);
      const messages = byTopic.get(encoded.topic) ?? [];
      messages.push({ key: encoded.key, value: encoded.value, headers: encoded.headers });
      byTopic.set(encoded.topic, messages);
    }
    const topicMessages: TopicMessages[] = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
    await this.producer.sendBatch({ topicMessages, acks: -1, compression: CompressionTypes.None });
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    await this.producer.disconnect();
  }
}
