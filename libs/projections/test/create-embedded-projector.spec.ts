import { DataSource } from 'typeorm';
import { EventStore, EventStoreOptions } from '@app/event-store';
import { ConfigValidationError } from '@app/platform';
import { EmbeddedProjector, projectionsConfigFromEnv, WorkerThreadProjector } from '../src';
import { createEmbeddedProjector } from '../src/runtime/create-embedded-projector';

// Nothing is opened or started here: only which projector is built.
const store = {} as EventStore;
const writer = {} as DataSource;
const sqliteFile: EventStoreOptions = { kind: 'sqlite', path: '/data/events.sqlite' };

describe('createEmbeddedProjector: where the embedded projector runs', () => {
  it('given the defaults and a SQLite store file, then on a worker thread', () => {
    const config = projectionsConfigFromEnv({ SQLITE_PATH: '/data/events.sqlite' });
    expect(config.projectorThread).toBe('worker');
    expect(createEmbeddedProjector(store, writer, config, sqliteFile)).toBeInstanceOf(WorkerThreadProjector);
  });

  it('given the PostgreSQL store and read models, then on a worker thread (its own pools)', () => {
    const config = projectionsConfigFromEnv({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://u@h:5432/db' });
    expect(createEmbeddedProjector(store, writer, config, { kind: 'postgres', connectionString: 'postgres://u@h:5432/db' })).toBeInstanceOf(WorkerThreadProjector);
  });

  it('given PROJECTOR_THREAD=main, an in-memory store or read models, EventStoreDB, or no store options, then on this thread', () => {
    const main = projectionsConfigFromEnv({ SQLITE_PATH: '/data/events.sqlite', PROJECTOR_THREAD: 'main' });
    const worker = projectionsConfigFromEnv({ SQLITE_PATH: '/data/events.sqlite' });
    const memoryReadModels = projectionsConfigFromEnv({ READ_MODEL_SQLITE_PATH: ':memory:' });
    expect(createEmbeddedProjector(store, writer, main, sqliteFile)).toBeInstanceOf(EmbeddedProjector);
    expect(createEmbeddedProjector(store, writer, worker, { kind: 'sqlite', path: ':memory:' })).toBeInstanceOf(EmbeddedProjector);
    expect(createEmbeddedProjector(store, writer, memoryReadModels, sqliteFile)).toBeInstanceOf(EmbeddedProjector);
    expect(createEmbeddedProjector(store, writer, worker, { kind: 'eventstoredb', connectionString: 'esdb://h:2113' })).toBeInstanceOf(EmbeddedProjector);
    expect(createEmbeddedProjector(store, writer, worker, null)).toBeInstanceOf(EmbeddedProjector);
  });

  it('given PROJECTOR_THREAD with another value, then the configuration is refused', () => {
    expect(() => projectionsConfigFromEnv({ PROJECTOR_THREAD: 'both' })).toThrow(ConfigValidationError);
  });
});
