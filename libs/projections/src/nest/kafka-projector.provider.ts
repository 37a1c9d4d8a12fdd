import { Logger, Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { allTopics, ensureTopics, KafkaConfig, kafkaLog } from '@app/messaging';
import { READ_MODEL_WRITER } from '../read-model/read-model.tokens';
import { KafkaProjector } from '../runtime/kafka-projector';

/**
 * The query service's projector (`config`: kafkaConfigFromEnv): a consumer group (KAFKA_GROUP_ID) on every context's topic
 * (KAFKA_TOPIC_PREFIX), writing through the read-model writer. Creates the topics first when
 * KAFKA_CREATE_TOPICS (the default), so it may start before the relay.
 */
export const kafkaProjectorProvider = (config: KafkaConfig): Provider => ({
  provide: KafkaProjector,
  inject: [READ_MODEL_WRITER],
  useFactory: async (writer: DataSource) => {
    const log = kafkaLog(new Logger('Kafka'));
    const connection = { brokers: config.brokers, clientId: config.clientId, log };
    if (config.createTopics) await ensureTopics({ ...connection, topicPrefix: config.topicPrefix, partitions: config.topicPartitions });
    return new KafkaProjector(writer, { ...connection, groupId: config.groupId, topics: allTopics(config.topicPrefix), maxWaitTimeMs: config.fetchMaxWaitMs });
  },
});
