/**
 * A rebuild-style projector process for the deferred-progress crash test: projects the SQLite
 * store at STORE_FILE into the SQLite read models at READ_MODEL_FILE (tuned as a rebuild copy)
 * with `projectAll` in batches of BATCH_SIZE and deferred progress evaluated EVALUATION_CHUNK rows
 * per transaction, resuming from what is there. Kills itself (SIGKILL) once a batch up to
 * KILL_AT_CHECKPOINT or later has committed, or once KILL_AFTER_CHUNKS evaluation chunks have.
 * Run with `node -r @swc-node/register`.
 */
import 'reflect-metadata';
import { SqliteEventStore } from '@app/event-store';
import { createReadModelDataSource, migrateReadModels, projectAll, ReadModelOptions } from '@app/projections';
import { tuneRebuildTarget } from '../../src/rebuild/rebuild-target';

const numberFrom = (name: string): number | null => (process.env[name] ? Number(process.env[name]) : null);

async function main(): Promise<void> {
  const options: ReadModelOptions = { kind: 'sqlite', file: process.env.READ_MODEL_FILE ?? '' };
  const store = new SqliteEventStore(process.env.STORE_FILE ?? '', 'NORMAL');
  const db = createReadModelDataSource(options);
  await migrateReadModels(db, options);
  tuneRebuildTarget(db);
  const killAt = numberFrom('KILL_AT_CHECKPOINT');
  const killAfterChunks = numberFrom('KILL_AFTER_CHUNKS');
  let chunks = 0;
  const { checkpoint } = await projectAll(store, db, {
    batchSize: numberFrom('BATCH_SIZE') ?? 100,
    progress: 'deferred',
    onBatch: (reached) => {
      if (killAt !== null && reached >= killAt) process.kill(process.pid, 'SIGKILL');
    },
    deferred: {
      chunkSize: numberFrom('EVALUATION_CHUNK') ?? 2000,
      onChunk: () => {
        chunks += 1;
        if (killAfterChunks !== null && chunks >= killAfterChunks) process.kill(process.pid, 'SIGKILL');
      },
    },
  });
  process.stdout.write(`done ${checkpoint}\n`);
  await db.destroy();
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`deferred projection worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
