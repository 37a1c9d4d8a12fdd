import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { EventStore } from '@app/event-store';
import { createReadModelDataSource, migrateReadModels } from '../read-model/create-data-source';
import { ReadModelOptions } from '../read-model/read-model.options';
import { projectAll } from './project-all';
import { switchReadModels } from './switch-read-models';

export interface RebuildProgress {
  /** Called once the target position is known. */
  start(total: number): void;
  /** Checkpoint reached and events applied so far. */
  update(checkpoint: number, applied: number): void;
  stop(): void;
}

export interface RebuildReport {
  events: number;
  checkpoint: number;
  seconds: number;
  eventsPerSecond: number;
}

/** Where a rebuild of `live` is written first: a sibling file, or a sibling schema. */
export function rebuildTarget(live: ReadModelOptions): ReadModelOptions {
  return live.kind === 'sqlite' ? { kind: 'sqlite', file: `${live.file}.rebuild` } : { ...live, schema: `${live.schema}_rebuild` };
}

/**
 * Replays the whole log into fresh tables (a new file or schema), then switches them in in one
 * transaction and removes the fresh copy. The live read models keep answering meanwhile.
 */
export async function rebuildReadModels(store: EventStore, live: ReadModelOptions, progress?: RebuildProgress, batchSize = 1000): Promise<RebuildReport> {
  const target = rebuildTarget(live);
  await dropTarget(target);
  const fresh = createReadModelDataSource(target, 'writer');
  const started = process.hrtime.bigint();
  let result: { checkpoint: number; applied: number };
  try {
    await migrateReadModels(fresh, target);
    const upTo = await store.headPosition();
    progress?.start(upTo + 1);
    result = await projectAll(store, fresh, { batchSize, upTo, onBatch: (checkpoint, applied) => progress?.update(checkpoint, applied) });
  } finally {
    progress?.stop();
    if (fresh.isInitialized) await fresh.destroy();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const liveDb = createReadModelDataSource(live, 'writer');
  try {
    await migrateReadModels(liveDb, live);
    await switchReadModels(liveDb, live, target);
  } finally {
    if (liveDb.isInitialized) await liveDb.destroy();
    await dropTarget(target);
  }
  return { events: result.applied, checkpoint: result.checkpoint, seconds, eventsPerSecond: result.applied / Math.max(seconds, 1e-9) };
}

async function dropTarget(target: ReadModelOptions): Promise<void> {
  if (target.kind === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${target.file}${suffix}`, { force: true });
    return;
  }
  const client = new Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${target.schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
