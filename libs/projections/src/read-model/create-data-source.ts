import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { READ_MODEL_ENTITIES } from './entities';
import { rollBackHotJournal } from './hot-journal';
import { ReadModels1764547200000 } from './migrations/1764547200000-read-models';
import { History1764633600000 } from './migrations/1764633600000-history';
import { HistoryWithoutRowid1764720000000 } from './migrations/1764720000000-history-without-rowid';
import { RequestSubmissions1765065600000 } from './migrations/1765065600000-request-submissions';
import { RequestEvidenceChanges1765152000000 } from './migrations/1765152000000-request-evidence-changes';
import { RequestLearner1765238400000 } from './migrations/1765238400000-request-learner';
import { LearnerExceptions1765324800000 } from './migrations/1765324800000-learner-exceptions';
import { ReadModelOptions } from './read-model.options';

export const READ_MODEL_MIGRATIONS = [
  ReadModels1764547200000, History1764633600000, HistoryWithoutRowid1764720000000, RequestSubmissions1765065600000, RequestEvidenceChanges1765152000000, RequestLearner1765238400000,
  LearnerExceptions1765324800000,
];

/**
 * A TypeORM DataSource on the read models. Never `synchronize`: the schema comes from the
 * migrations (`migrate`). SQLite: WAL, synchronous=NORMAL (a read model is rebuildable and its
 * checkpoint commits with it, so a lost last transaction is replayed, never half-applied), and a
 * 64 MB page cache for the writer (the default 2 MB made a rebuild re-read the pages it upserts
 * into from the OS: about 25% more wall time on a 100k-event rebuild, noisy shared VM).
 * `readonly` opens a second SQLite connection for queries, which then see committed batches only
 * (a hot journal left by a killed rebuild is rolled back first, see hot-journal.ts).
 */
export function createReadModelDataSource(options: ReadModelOptions, role: 'writer' | 'reader' = 'writer'): DataSource {
  if (options.kind === 'sqlite') {
    if (role === 'writer') mkdirSync(dirname(options.file), { recursive: true });
    else if (options.file !== ':memory:') rollBackHotJournal(options.file);
    return new DataSource({
      type: 'better-sqlite3',
      database: options.file,
      entities: [...READ_MODEL_ENTITIES],
      migrations: READ_MODEL_MIGRATIONS,
      migrationsTransactionMode: 'all',
      synchronize: false,
      readonly: role === 'reader',
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        db.pragma('busy_timeout = 5000');
        if (role === 'writer') {
          db.pragma('journal_mode = WAL');
          db.pragma('synchronous = NORMAL');
          db.pragma('cache_size = -65536');
        }
      },
    });
  }
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: [...READ_MODEL_ENTITIES],
    migrations: READ_MODEL_MIGRATIONS,
    migrationsTransactionMode: 'all',
    synchronize: false,
    extra: { max: role === 'writer' ? 4 : 10, options: `-c search_path=${options.schema}` },
  });
}

/** Creates the PostgreSQL schema if needed, then applies pending migrations. */
export async function migrateReadModels(dataSource: DataSource, options: ReadModelOptions): Promise<void> {
  if (options.kind === 'postgres') await ensureSchema(options.url, options.schema);
  if (!dataSource.isInitialized) await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'all' });
}

async function ensureSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`read-model schema "${schema}" must be a lowercase SQL identifier`);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await client.end();
  }
}
