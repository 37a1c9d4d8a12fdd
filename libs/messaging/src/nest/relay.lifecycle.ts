import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { ComponentHealthChecks, METRICS_REGISTRY } from '@app/platform';
import { KafkaConfig } from '../config/kafka.config';
import { RelayConfig } from '../config/relay.config';
import { ensureTopics } from '../ensure-topics';
import { KafkaEventPublisher } from '../kafka-event-publisher';
import { EventRelay, RelayLog } from '../relay/event-relay';
import { PostgresCheckpointStore } from '../relay/postgres-checkpoint-store';
import { kafkaLog } from './kafka-log';
import { relayHealth } from './relay.health';

export const RELAY_KAFKA_CONFIG = Symbol.for('credit-transfer.RelayKafkaConfig');
export const RELAY_CONFIG = Symbol.for('credit-transfer.RelayConfig');
/** Called when the relay stops on an unroutable event; default: exit code 1 and a graceful shutdown. */
export const RELAY_ON_FATAL = Symbol.for('credit-transfer.RelayOnFatal');

export type RelayFatalHandler = (error: Error) => void;

/** Creates the topics if asked, connects the publisher, opens the checkpoint table and starts the relay; stops it first on shutdown. */
@Injectable()
export class RelayLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Relay');
  private relay: EventRelay | null = null;
  private publisher: KafkaEventPublisher | null = null;
  private checkpoints: PostgresCheckpointStore | null = null;
  private unregisterHealth: () => void = () => undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RELAY_KAFKA_CONFIG) private readonly kafka: KafkaConfig,
    @Inject(RELAY_CONFIG) private readonly config: RelayConfig,
    @Inject(RELAY_ON_FATAL) private readonly onFatal: RelayFatalHandler,
    @Optional() @Inject(METRICS_REGISTRY) private readonly registry?: Registry,
    @Optional() private readonly health?: ComponentHealthChecks,
  ) {}

  /** The running relay (for status and tests). */
  get current(): EventRelay | null {
    return this.relay;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.health) this.unregisterHealth = this.health.register('relay', () => relayHealth(this.relay, this.store));
    const connection = { brokers: this.kafka.brokers, clientId: this.kafka.clientId, log: kafkaLog(this.logger) };
    if (this.kafka.createTopics) {
      const created = await ensureTopics({ ...connection, topicPrefix: this.kafka.topicPrefix, partitions: this.kafka.topicPartitions });
      if (created.length > 0) this.logger.log(`created topics ${created.join(', ')}`);
    }
    this.publisher = new KafkaEventPublisher({ ...connection, topicPrefix: this.kafka.topicPrefix });
    await this.publisher.connect();
    this.checkpoints = await PostgresCheckpointStore.connect(this.config.checkpoint);
    const metrics = this.metrics();
    const relay = new EventRelay(this.store, this.publisher, this.checkpoints, {
      name: this.config.name,
      batchSize: this.config.batchSize,
      lingerMs: this.config.lingerMs,
      log: this.relayLog(),
      onBatch: ({ events, checkpoint }) => {
        metrics?.published.inc(events);
        metrics?.checkpoint.set(checkpoint);
      },
    });
    this.relay = relay;
    await relay.start();
    metrics?.checkpoint.set(relay.checkpoint);
    relay.done.catch((error: Error) => this.onFatal(error));
  }

  async onModuleDestroy(): Promise<void> {
    this.unregisterHealth();
    await this.relay?.stop();
    await this.publisher?.disconnect().catch(() => undefined);
    await this.checkpoints?.close();
  }

  private metrics(): { published: Counter; checkpoint: Gauge } | null {
    if (!this.registry) return null;
    return {
      published: new Counter({ name: 'relay_published_events_total', help: 'Events published to Kafka and checkpointed', registers: [this.registry] }),
      checkpoint: new Gauge({ name: 'relay_checkpoint_position', help: 'Global position of the last event Kafka acknowledged', registers: [this.registry] }),
    };
  }

  private relayLog(): RelayLog {
    return { info: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m), error: (m) => this.logger.error(m) };
  }
}
