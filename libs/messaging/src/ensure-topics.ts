import { Kafka } from 'kafkajs';
import { createKafka, KafkaConnectionOptions } from './kafka-client';
import { allTopics } from './event-routing';

export interface EnsureTopicsOptions extends KafkaConnectionOptions {
  topicPrefix: string;
  /** Partitions of a created topic; default: the broker's num.partitions. */
  partitions?: number;
}

/**
 * Creates the topic of every bounded context if missing (admin API; existing topics are left as
 * they are). For brokers that do not auto-create topics (the compose file's Kafka). Returns the
 * topics it created.
 */
export async function ensureTopics(options: EnsureTopicsOptions, kafka: Kafka = createKafka(options)): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = allTopics(options.topicPrefix).filter((topic) => !existing.has(topic));
    if (missing.length === 0) return [];
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: options.partitions ?? -1, replicationFactor: -1 })),
    });
    return missing;
  } finally {
    await admin.disconnect();
  }
}
