/**
 * A projector process for the crash test: catches the read models named by READ_MODEL_OPTIONS
 * (JSON ReadModelOptions) up with the SQLite store at STORE_FILE with `projectAll` in batches of
 * BATCH_SIZE, resuming from their checkpoint. Prints "ready <checkpoint>" once it is about to
 * project, "batch <checkpoint>" after each committed batch and "done <checkpoint>" at the end; the
 * test SIGKILLs it at random moments in between.
 * Run with `node -r @swc-node/register`.
 */
import 'reflect-metadata';
import { SqliteEventStore } from '@app/event-store';
import { createReadModelDataSource, migrateReadModels, projectAll, readCheckpoint, ReadModelOptions } from '@app/projections';

async function main(): Promise<void> {
  const options = JSON.parse(process.env.READ_MODEL_OPTIONS ?? '') as ReadModelOptions;
  const store = new SqliteEventStore(process.env.STORE_FILE ?? '', 'NORMAL');
  const db = createReadModelDataSource(options);
  await migrateReadModels(db, options);
  process.stdout.write(`ready ${await readCheckpoint(db.manager)}\n`);
  const batchSize = Number(process.env.BATCH_SIZE ?? '100');
  const { checkpoint } = await projectAll(store, db, { batchSize, onBatch: (reached) => process.stdout.write(`batch ${reached}\n`) });
  process.stdout.write(`done ${checkpoint}\n`);
  await db.destroy();
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`projector worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
