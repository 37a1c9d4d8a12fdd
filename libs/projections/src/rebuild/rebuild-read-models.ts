import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { EventStore } from '@app/event-store';
import { createReadModelDataSource, migrateReadModels } from '../read-model/create-data-source';
import { ReadModelOptions } from '../read-model/read-model.options';
import { PendingEvaluationOptions } from '../projectors/progress.pending';
import { projectAll, ProjectAllOptions } from './project-all';
import { tuneRebuildTarget } from './rebuild-target';
import { dropSwitchFence } from './switch-fence';
import { SwitchMethod, switchRebuiltIn } from './switch-rebuilt-in';
import { PageJournal } from './switch-sqlite-pages';
import { sqliteConnectionOf } from '../runtime/bulk-sqlite';

export interface RebuildProgress {
  /** Called once the target position is known. */
  start(total: number): void;
  /** Checkpoint reached and events applied so far. */
  update(checkpoint: number, applied: number): void;
  /** After the events: progress rows evaluated so far, of those pending (first with 0). */
  evaluating?(evaluated: number, pending: number): void;
  /** The rebuilt read models are being switched in (reported once; the catch-up with a live projector that moved ahead meanwhile reports nothing more). */
  switching?(): void;
  stop(): void;
}

export interface RebuildReport {
  events: number;
  checkpoint: number;
  seconds: number;
  eventsPerSecond: number;
  /** How the copy was switched in: its SQLite pages over the live file, or its rows into the live tables. */
  switchedBy: SwitchMethod;
  /** Why the pages could not be copied over the live file (SQLite only), when rows were copied instead. */
  pageSwitchRefused?: string;
  /** Pages only: whether they went through the live file's WAL or straight in (rollback journal; see sole-access.ts). */
  pagesThrough?: PageJournal;
}


/** Where a rebuild of `live` is written first: a sibling file, or a sibling schema. */
export function rebuildTarget(live: ReadModelOptions): ReadModelOptions {
  return live.kind === 'sqlite' ? { kind: 'sqlite', file: `${live.file}.rebuild` } : { ...live, schema: `${live.schema}_rebuild` };
}

/**
 * Events per transaction of a rebuild at least: nobody reads the fresh copy until the switch, and
 * bigger transactions cost less per event.
 */
export const REBUILD_BATCH_SIZE = 5000;

/** The batch size a rebuild uses given the configured one (PROJECTION_BATCH_SIZE). */
export const rebuildBatchSize = (configured: number): number => Math.max(configured, REBUILD_BATCH_SIZE);

/**
 * How a rebuild projects: progress rows are evaluated once at the end (deferred) instead of after
 * every batch; the copy is not switched in before that evaluation has finished.
 */
const REBUILD_PROJECTION: Pick<ProjectAllOptions, 'progress'> = { progress: 'deferred' };

/**
 * Replays the whole log into fresh tables (a new file or schema), then switches them in in one
 * transaction (SQLite: the copy's pages over the live file when it holds nothing else, see
 * switch-sqlite-pages.ts; otherwise its rows into the live tables) and removes the fresh copy.
 * The live read models keep answering meanwhile. Never resumes an earlier copy: it starts from an
 * empty one.
 */
export async function rebuildReadModels(store: EventStore, live: ReadModelOptions, progress?: RebuildProgress, batchSize = 1000): Promise<RebuildReport> {
  const target = rebuildTarget(live);
  await dropTarget(target);
  const fresh = createReadModelDataSource(target, 'writer');
  const liveDb = createReadModelDataSource(live, 'writer');
  const started = process.hrtime.bigint();
  let applied = 0;
  try {
    await migrateReadModels(fresh, target);
    tuneRebuildTarget(fresh);
    const upTo = await store.headPosition();
    progress?.start(upTo + 1);
    let pending = 0;
    const deferred: PendingEvaluationOptions = {
      onStart: (n) => progress?.evaluating?.(0, (pending = n)),
      onChunk: (n) => progress?.evaluating?.(n, pending),
    };
    applied += (await projectAll(store, fresh, { ...REBUILD_PROJECTION, batchSize, upTo, deferred, onBatch: (checkpoint, n) => progress?.update(checkpoint, n) })).applied;
    progress?.switching?.();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await migrateReadModels(liveDb, live);
    // A fence left by a rebuild killed during its switch lapses by itself; this one removes it now.
    const liveSqlite = sqliteConnectionOf(liveDb.manager);
    if (liveSqlite) dropSwitchFence(liveSqlite);
    let pageSwitchRefused: string | undefined;
    // The live projector kept going meanwhile: catch the rebuild up to it, then switch (forward only).
    for (let attempt = 1; ; attempt++) {
      const result = await switchRebuiltIn(liveDb, live, fresh, target, pageSwitchRefused);
      pageSwitchRefused = result.pageSwitchRefused;
      if (result.switched) {
        const report: RebuildReport = { events: applied, checkpoint: result.checkpoint, seconds, eventsPerSecond: applied / Math.max(seconds, 1e-9), switchedBy: result.by };
        if (result.journal) report.pagesThrough = result.journal;
        return pageSwitchRefused === undefined ? report : { ...report, pageSwitchRefused };
      }
      if (attempt >= 20) throw new Error(`the live read models kept moving ahead of the rebuild (live ${result.liveCheckpoint}, rebuilt ${result.rebuiltCheckpoint}); nothing was switched`);
      // Catching up (after switching() was reported): the few rows this evaluates are not reported.
      applied += (await projectAll(store, fresh, { ...REBUILD_PROJECTION, batchSize, upTo: result.liveCheckpoint })).applied;
    }
  } finally {
    progress?.stop();
    if (fresh.isInitialized) await fresh.destroy();
    if (liveDb.isInitialized) await liveDb.destroy();
    await dropTarget(target);
  }
}

async function dropTarget(target: ReadModelOptions): Promise<void> {
  if (target.kind === 'sqlite') {
    // The copy runs with a rollback journal: one left hot by a killed rebuild must not meet the next, fresh copy.
    for (const suffix of ['-journal', '-wal', '-shm', '']) rmSync(`${target.file}${suffix}`, { force: true });
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
