import { ConfigValidationError } from '@app/platform';
import { kafkaConfigFromEnv, relayConfigFromEnv } from '@app/messaging';

describe('Kafka and relay configuration from the environment', () => {
  it('applies the defaults', () => {
    expect(kafkaConfigFromEnv('query', { KAFKA_BROKERS: 'kafka:19092' })).toEqual({
      brokers: ['kafka:19092'],
      clientId: 'credit-transfer-query',
      groupId: 'credit-transfer-read-models',
      topicPrefix: 'credit-transfer.events.',
      createTopics: true,
      fetchMaxWaitMs: 5000,
    });
    expect(relayConfigFromEnv({ DATABASE_URL: 'postgres://u@h:5432/db' })).toEqual({
      name: 'kafka',
      batchSize: 500,
      lingerMs: 20,
      checkpoint: { connectionString: 'postgres://u@h:5432/db', schema: 'event_store' },
    });
  });

  it('reads every variable, coercing numbers and booleans', () => {
    const config = kafkaConfigFromEnv('relay', {
      KAFKA_BROKERS: 'a:1,b:2',
      KAFKA_CLIENT_ID: 'relay-1',
      KAFKA_GROUP_ID: 'g',
      KAFKA_TOPIC_PREFIX: 'p.',
      KAFKA_CREATE_TOPICS: 'false',
      KAFKA_TOPIC_PARTITIONS: '12',
      KAFKA_FETCH_MAX_WAIT_MS: '100',
    });
    expect(config).toEqual({ brokers: ['a:1', 'b:2'], clientId: 'relay-1', groupId: 'g', topicPrefix: 'p.', createTopics: false, topicPartitions: 12, fetchMaxWaitMs: 100 });
    expect(relayConfigFromEnv({ RELAY_CHECKPOINT_DATABASE_URL: 'postgresql://x/y', RELAY_BATCH_SIZE: '50', RELAY_LINGER_MS: '0', RELAY_NAME: 'r2', RELAY_CHECKPOINT_SCHEMA: 'relay' })).toEqual({
      name: 'r2',
      batchSize: 50,
      lingerMs: 0,
      checkpoint: { connectionString: 'postgresql://x/y', schema: 'relay' },
    });
  });

  it.each([
    [{}, /KAFKA_BROKERS: is required by the query service/],
    [{ KAFKA_BROKERS: 'a:1,,b:2' }, /KAFKA_BROKERS: must be a comma-separated list/],
    [{ KAFKA_BROKERS: 'a:1', KAFKA_CREATE_TOPICS: 'maybe' }, /KAFKA_CREATE_TOPICS: must be boolean/],
    [{ KAFKA_BROKERS: 'a:1', KAFKA_TOPIC_PARTITIONS: '0' }, /KAFKA_TOPIC_PARTITIONS: must be >= 1/],
    [{ KAFKA_BROKERS: 'a:1', KAFKA_GROUP_ID: 'has space' }, /KAFKA_GROUP_ID: must be 1-200 characters/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => kafkaConfigFromEnv('query', env)).toThrow(ConfigValidationError);
    expect(() => kafkaConfigFromEnv('query', env)).toThrow(message);
  });

  it('the relay needs a PostgreSQL database for its checkpoint', () => {
    expect(() => relayConfigFromEnv({})).toThrow(/RELAY_CHECKPOINT_DATABASE_URL: is required when DATABASE_URL is not set/);
    expect(() => relayConfigFromEnv({ DATABASE_URL: 'x', RELAY_BATCH_SIZE: '0' })).toThrow(/RELAY_BATCH_SIZE/);
  });
});
