import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { ReadModelsController } from '../api/read-models.controller';
import { projectionsConfigFromEnv, ProjectionsConfig } from '../config/read-model.config';
import { AsOfQueries } from '../as-of/as-of.queries';
import { EligibilityQuery } from '../query/eligibility.query';
import { LedgerQuery } from '../query/ledger.query';
import { QueueQuery } from '../query/queue.query';
import { createReadModelDataSource, migrateReadModels } from '../read-model/create-data-source';
import { describeReadModel } from '../read-model/read-model.options';
import { PROJECTION_POSITION, ProjectionPosition, READ_MODEL_READER, READ_MODEL_WRITER } from '../read-model/read-model.tokens';
import { readCheckpoint } from '../runtime/checkpoint';
import { EmbeddedProjector } from '../runtime/embedded-projector';

const PROJECTIONS_CONFIG = Symbol.for('credit-transfer.ProjectionsConfig');

/**
 * Starts the projector once the app is up (after the migrations ran on the writer) and stops it
 * before the store and the read-model connections close.
 */
@Injectable()
class ProjectionsLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projections');

  constructor(
    @Inject(READ_MODEL_WRITER) private readonly writer: DataSource,
    @Inject(READ_MODEL_READER) private readonly reader: DataSource,
    @Inject(PROJECTIONS_CONFIG) private readonly config: ProjectionsConfig,
    @Optional() private readonly projector?: EmbeddedProjector,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projector?.start();
    this.logger.log(`read models on ${describeReadModel(this.config.readModel)}; projector ${this.projector ? `from the event store after position ${this.projector.checkpoint}` : 'not in this process'}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.projector?.stop();
    if (this.reader !== this.writer && this.reader.isInitialized) await this.reader.destroy();
    if (this.writer.isInitialized) await this.writer.destroy();
  }
}

export interface ProjectionsModuleOptions {
  /** Feed the read models here from the event store's subscription (embedded). False: another process feeds them (query service over Kafka). */
  embeddedProjector: boolean;
  /** Defaults to the environment (`projectionsConfigFromEnv`). */
  config?: ProjectionsConfig;
}

/** The read models, their projector (embedded mode) and the query API. Needs EVENT_STORE when embedded. */
@Module({})
export class ProjectionsModule {
  static forRoot(options: ProjectionsModuleOptions): DynamicModule {
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
                provide: EmbeddedProjector,
                inject: [EVENT_STORE, READ_MODEL_WRITER, PROJECTIONS_CONFIG],
                useFactory: (store: EventStore, writer: DataSource, config: ProjectionsConfig) => new EmbeddedProjector(store, writer, { batchSize: config.batchSize }),
              },
            ]
          : []),
        {
          provide: PROJECTION_POSITION,
          inject: [READ_MODEL_READER, { token: EmbeddedProjector, optional: true }],
          useFactory: (reader: DataSource, projector?: EmbeddedProjector): ProjectionPosition => ({
            current: async () => (projector ? projector.checkpoint : readCheckpoint(reader.manager)),
          }),
        },
        ProjectionsLifecycle,
        EligibilityQuery,
        QueueQuery,
        LedgerQuery,
        AsOfQueries,
      ],
      exports: [READ_MODEL_READER, READ_MODEL_WRITER, PROJECTION_POSITION, EligibilityQuery, AsOfQueries],
    };
  }
}
