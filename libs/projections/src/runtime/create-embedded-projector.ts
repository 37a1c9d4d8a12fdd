import { DataSource } from 'typeorm';
import { EventStore, EventStoreOptions } from '@app/event-store';
import { ProjectionsConfig } from '../config/read-model.config';
import { EmbeddedProjector } from './embedded-projector';
import { ReadModelProjector } from './read-model-projector';
import { WorkerThreadProjector } from './worker-thread-projector';

/** A worker thread opens its own connections: the store and the read models must be reachable from there (no `:memory:` database). */
function reachableFromAnotherThread(store: EventStoreOptions, config: ProjectionsConfig): boolean {
  if (config.readModel.kind === 'sqlite' && config.readModel.file === ':memory:') return false;
  return (store.kind === 'sqlite' && store.path !== ':memory:') || store.kind === 'postgres';
}

/**
 * The embedded projector: on a worker thread when PROJECTOR_THREAD=worker (the default) and the
 * store (SQLite file or PostgreSQL) and read models can be opened there; on this thread otherwise
 * (PROJECTOR_THREAD=main, in-memory databases, EventStoreDB, or no store options given).
 */
export function createEmbeddedProjector(store: EventStore, writer: DataSource, config: ProjectionsConfig, storeOptions: EventStoreOptions | null): ReadModelProjector {
  if (config.projectorThread === 'worker' && storeOptions && reachableFromAnotherThread(storeOptions, config)) {
    return new WorkerThreadProjector(store, { store: storeOptions, readModel: config.readModel, batchSize: config.batchSize });
  }
  return new EmbeddedProjector(store, writer, { batchSize: config.batchSize });
}
