import { DataSource } from 'typeorm';
import type { EventStore } from '@app/event-store';
import { createReadModelDataSource, dumpReadModels, migrateReadModels, projectAll, ReadModelOptions } from '@app/projections';

/** Read models in a fresh PostgreSQL schema of `url`, migrated and open. */
export async function freshReadModels(url: string, schema: string): Promise<DataSource> {
  const options: ReadModelOptions = { kind: 'postgres', url, schema };
  const db = createReadModelDataSource(options);
  await migrateReadModels(db, options);
  return db;
}

/** A clean rebuild from the store (projectAll, global order) into a fresh schema: its dump. */
export async function rebuildDump(store: EventStore, url: string, schema: string): Promise<Record<string, string[]>> {
  const db = await freshReadModels(url, schema);
  try {
    await projectAll(store, db);
    return await dumpReadModels(db);
  } finally {
    await db.destroy();
  }
}

export async function countEvents(store: EventStore): Promise<number> {
  let n = 0;
  for await (const _ of store.readAll()) n += 1;
  return n;
}
