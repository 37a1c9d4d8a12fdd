import Ajv from 'ajv';
import { ConfigValidationError } from '@app/platform';
import { DEFAULT_TOPIC_PREFIX } from '../event-routing';

const SCHEMA = {
  type: 'object',
  properties: {
    KAFKA_BROKERS: { type: 'string', pattern: '^[^,\\s]+(,[^,\\s]+)*$' },
    KAFKA_CLIENT_ID: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,100}$' },
    KAFKA_GROUP_ID: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,200}$' },
    KAFKA_TOPIC_PREFIX: { type: 'string', pattern: '^[A-Za-z0-9._-]{0,200}$' },
    KAFKA_CREATE_TOPICS: { type: 'boolean' },
    KAFKA_TOPIC_PARTITIONS: { type: 'integer', minimum: 1, maximum: 10_000 },
    KAFKA_FETCH_MAX_WAIT_MS: { type: 'integer', minimum: 1, maximum: 60_000 },
  },
} as const;

const validate = new Ajv({ allErrors: true, coerceTypes: true, strict: true }).compile(SCHEMA);

export interface KafkaConfig {
  brokers: string[];
  clientId: string;
  /** Consumer group of the query service's projector. */
  groupId: string;
  /** Topic = prefix + bounded context. */
  topicPrefix: string;
  /** Create the topics at start (admin API) when missing. Off against brokers without an admin controller (librdkafka's mock). */
  createTopics: boolean;
  /** Partitions of a topic created here; undefined = the broker's default (num.partitions). */
  topicPartitions?: number;
  /** Longest a consumer fetch waits for data (Kafka answers as soon as data arrives). */
  fetchMaxWaitMs: number;
}

const HINTS: Record<string, string> = {
  KAFKA_BROKERS: 'must be a comma-separated list of host:port (e.g. kafka:19092,kafka2:19092)',
  KAFKA_CLIENT_ID: 'must be 1-100 characters of A-Z a-z 0-9 . _ -',
  KAFKA_GROUP_ID: 'must be 1-200 characters of A-Z a-z 0-9 . _ -',
  KAFKA_TOPIC_PREFIX: 'must be at most 200 characters of A-Z a-z 0-9 . _ -',
};

/**
 * The Kafka configuration from the environment (relay and query service), validated like the
 * platform's: a bad value stops the process with a message naming the variable.
 * - KAFKA_BROKERS (required): comma-separated host:port;
 * - KAFKA_CLIENT_ID (default `credit-transfer-<service>`), KAFKA_GROUP_ID (default `credit-transfer-read-models`);
 * - KAFKA_TOPIC_PREFIX (default `credit-transfer.events.`);
 * - KAFKA_CREATE_TOPICS (default true), KAFKA_TOPIC_PARTITIONS (default: the broker's);
 * - KAFKA_FETCH_MAX_WAIT_MS (default 5000): longest a consumer fetch waits when there is no data.
 */
export function kafkaConfigFromEnv(service: string, env: NodeJS.ProcessEnv = process.env): KafkaConfig {
  const known: Record<string, unknown> = {};
  for (const key of Object.keys(SCHEMA.properties)) {
    const value = env[key]?.trim();
    if (value !== undefined && value !== '') known[key] = value;
  }
  if (!validate(known)) {
    throw new ConfigValidationError(
      (validate.errors ?? []).map((e) => {
        const variable = e.instancePath.slice(1) || 'Kafka';
        return `${variable}: ${e.keyword === 'pattern' ? (HINTS[variable] ?? 'is malformed') : (e.message ?? 'is invalid')}`;
      }),
    );
  }
  if (known.KAFKA_BROKERS === undefined) {
    throw new ConfigValidationError([`KAFKA_BROKERS: is required by the ${service} service (e.g. kafka:19092)`]);
  }
  return {
    brokers: (known.KAFKA_BROKERS as string).split(','),
    clientId: (known.KAFKA_CLIENT_ID as string | undefined) ?? `credit-transfer-${service}`,
    groupId: (known.KAFKA_GROUP_ID as string | undefined) ?? 'credit-transfer-read-models',
    topicPrefix: (known.KAFKA_TOPIC_PREFIX as string | undefined) ?? DEFAULT_TOPIC_PREFIX,
    createTopics: (known.KAFKA_CREATE_TOPICS as boolean | undefined) ?? true,
    fetchMaxWaitMs: (known.KAFKA_FETCH_MAX_WAIT_MS as number | undefined) ?? 5_000,
    ...(known.KAFKA_TOPIC_PARTITIONS !== undefined ? { topicPartitions: known.KAFKA_TOPIC_PARTITIONS as number } : {}),
  };
}
