import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { ReadModelsController } from '../api/read-models.controller';
import { DEFAULT_MIN_POSITION_WAIT_MS, projectionsConfigFromEnv, ProjectionsConfig } from '../config/read-model.config';
import { AsOfQueries } from '../as-of/as-of.queries';
import { EligibilityQuery } from '../query/eligibility.query';
import { LedgerQuery } from '../query/ledger.query';
import { QueueQuery } from '../query/queue.query';
import { CatalogQuery } from '../query/catalog.query';
import { createReadModelDataSource, migrateReadModels } from '../read-model/create-data-source';
import { describeReadModel } from '../read-model/read-model.options';
import { PROJECTION_POSITION, ProjectionPosition, READ_MODEL_READER, READ_MODEL_WRITER } from '../read-model/read-model.tokens';
import { readCheckpoint } from '../runtime/checkpoint';
import { createEmbeddedProjector } from '../runtime/create-embedded-projector';
import { ReadModelProjector } from '../runtime/read-model-projector';
import { WorkerThreadProjector } from '../runtime/worker-thread-projector';
import { KafkaProjector } from '../runtime/kafka-projector';
import { maxInboxPosition } from '../runtime/projection-inbox';
import { embeddedFreshness, fedFreshness } from '../runtime/read-models-freshness';
import { kafkaProjectorProvider } from './kafka-projector.provider';
import { kafkaConfigFromEnv } from '@app/messaging';
import { APP_CONFIG, AppConfig, ComponentHealthChecks, eventStoreOptionsFrom, READ_MODELS_FRESHNESS, ReadModelsFreshness } from '@app/platform';
import { embeddedProjectorHealth, kafkaProjectorHealth } from './read-models.health';

const PROJECTIONS_CONFIG = Symbol.for('credit-transfer.ProjectionsConfig');

/**
 * Starts the projector once the app is up (after the migrations ran on the writer) and stops it
 * before the store and the read-model connections close.
 */
@Injectable()
class ProjectionsLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projections');
  private unregisterHealth: () => void = () => undefined;

  constructor(
    @Inject(READ_MODEL_WRITER) private readonly writer: DataSource,
    @Inject(READ_MODEL_READER) private readonly reader: DataSource,
    @Inject(PROJECTIONS_CONFIG) private readonly config: ProjectionsConfig,
    @Optional() private readonly projector?: ReadModelProjector,
    @Optional() private readonly kafkaProjector?: KafkaProjector,
    @Optional() private readonly health?: ComponentHealthChecks,
    @Optional() @Inject(EVENT_STORE) private readonly store?: EventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projector?.start();
    await this.kafkaProjector?.start();
    this.registerHealth();
    this.logger.log(`read models on ${describeReadModel(this.config.readModel)}; projector ${this.describeProjector()}`);
  }

  async onModuleDestroy(): Promise<void> {
    this.unregisterHealth();
    await this.projector?.stop();
    await this.kafkaProjector?.stop();
    if (this.reader !== this.writer && this.reader.isInitialized) await this.reader.destroy();
    if (this.writer.isInitialized) await this.writer.destroy();
  }

  private registerHealth(): void {
    const { projector, kafkaProjector, store, health } = this;
    if (!health) return;
    if (projector && store) this.unregisterHealth = health.register('readModels', () => embeddedProjectorHealth(projector, store));
    else if (kafkaProjector) this.unregisterHealth = health.register('readModels', () => kafkaProjectorHealth(kafkaProjector));
  }

  private describeProjector(): string {
    if (this.projector) return `from the event store after position ${this.projector.checkpoint}${this.projector instanceof WorkerThreadProjector ? ', on a worker thread' : ''}`;
    if (this.kafkaProjector) return `from Kafka (consumer group; highest position applied so far ${this.kafkaProjector.position})`;
    return 'not in this process';
  }
}

export interface ProjectionsModuleOptions {
  /** Feed the read models here from the event store's subscription (embedded). False: another process feeds them (query service over Kafka). */
  embeddedProjector: boolean;
  /** Feed the read models here from Kafka (query service): a KafkaProjector configured by KAFKA_*. Not with embeddedProjector. */
  kafkaProjector?: boolean;
  /** Defaults to the environment (`projectionsConfigFromEnv`). */
  config?: ProjectionsConfig;
}

/** The read models, their projector (embedded mode) and the query API. Needs EVENT_STORE when embedded. */
@Module({})
export class ProjectionsModule {
  static forRoot(options: ProjectionsModuleOptions): DynamicModule {
    if (options.embeddedProjector && options.kafkaProjector) throw new Error('ProjectionsModule: choose the embedded projector or the Kafka projector, not both');
    // Kafka settings are read when the root module is declared: a bad KAFKA_* stops the process before any connection.
    const kafka = options.kafkaProjector ? kafkaConfigFromEnv('query') : null;
    return {
      module: ProjectionsModule,
      // Global: the audit module reads the same read models (history index, request index).
      global: true,
      controllers: [ReadModelsController],
      providers: [
        { provide: PROJECTIONS_CONFIG, useFactory: () => options.config ?? projectionsConfigFromEnv() },
        {
          provide: READ_MODEL_WRITER,
          inject: [PROJECTIONS_CONFIG],
          useFactory: async (config: ProjectionsConfig) => {
            const db = createReadModelDataSource(config.readModel, 'writer');
            await migrateReadModels(db, config.readModel);
            return db;
          },
        },
        {
          provide: READ_MODEL_READER,
          inject: [PROJECTIONS_CONFIG, READ_MODEL_WRITER],
          useFactory: async (config: ProjectionsConfig, writer: DataSource) => {
            if (config.readModel.kind === 'postgres') return writer;
            return createReadModelDataSource(config.readModel, 'reader').initialize();
          },
        },
        ...(options.embeddedProjector
          ? [
              {
                provide: ReadModelProjector,
                inject: [EVENT_STORE, READ_MODEL_WRITER, PROJECTIONS_CONFIG, { token: APP_CONFIG, optional: true }],
                useFactory: (store: EventStore, writer: DataSource, config: ProjectionsConfig, app?: AppConfig) =>
                  createEmbeddedProjector(store, writer, config, app ? eventStoreOptionsFrom(app) : null),
              },
            ]
          : []),
        ...(kafka ? [kafkaProjectorProvider(kafka)] : []),
        {
          // Embedded: the checkpoint (gap-free: everything up to it is applied). Over Kafka: the
          // highest position applied (from the inbox), NOT gap-free. Neither in this process: the
          // larger of the stored checkpoint and the inbox's highest position.
          provide: PROJECTION_POSITION,
          inject: [READ_MODEL_READER, { token: ReadModelProjector, optional: true }, { token: KafkaProjector, optional: true }],
          useFactory: (reader: DataSource, projector?: ReadModelProjector, kafka?: KafkaProjector): ProjectionPosition => ({
            current: async () => {
              if (projector) return projector.checkpoint;
              if (kafka) return kafka.position;
              return Math.max(await readCheckpoint(reader.manager), await maxInboxPosition(reader.manager));
            },
          }),
        },
        {
          // `?minPosition=` on the read routes (MinPositionInterceptor): what "reached" means depends on who feeds the read models.
          provide: READ_MODELS_FRESHNESS,
          inject: [READ_MODEL_READER, PROJECTION_POSITION, PROJECTIONS_CONFIG, { token: ReadModelProjector, optional: true }, { token: EVENT_STORE, optional: true }],
          useFactory: (reader: DataSource, position: ProjectionPosition, config: ProjectionsConfig, projector?: ReadModelProjector, store?: EventStore): ReadModelsFreshness => {
            const waitMs = config.minPositionWaitMs ?? DEFAULT_MIN_POSITION_WAIT_MS;
            return projector ? embeddedFreshness(projector, waitMs) : fedFreshness(reader, position, store, waitMs);
          },
        },
        ProjectionsLifecycle,
        EligibilityQuery,
        QueueQuery,
        LedgerQuery,
        CatalogQuery,
        AsOfQueries,
      ],
      exports: [READ_MODEL_READER, READ_MODEL_WRITER, PROJECTION_POSITION, READ_MODELS_FRESHNESS, EligibilityQuery, AsOfQueries, ...(options.kafkaProjector ? [KafkaProjector] : [])],
    };
  }
}
