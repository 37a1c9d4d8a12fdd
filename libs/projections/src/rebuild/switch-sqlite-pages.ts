import type { Database } from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { PENDING_PROGRESS } from '../projectors/progress.pending';
import { sqliteConnectionOf } from '../runtime/bulk-sqlite';
import { READ_MODELS_PROJECTION } from '../runtime/checkpoint';
import { copyPages } from './copy-pages';
import { leaveWalIfAlone, returnToWal } from './sole-access';
import { dropSwitchFence, raiseSwitchFence, SWITCH_FENCE_TRIGGERS } from './switch-fence';
import { PendingProgressError, SwitchResult } from './switch-read-models';

/** A fence holds at least this long, plus a second per FENCE_BYTES_PER_SECOND of the copy (the page copy takes far less). */
const FENCE_SECONDS = 60;
const FENCE_BYTES_PER_SECOND = 50 * 1024 * 1024;
/** The last attempt to copy the pages starts at least this long before the fence lapses (the fence's clock has whole seconds). */
const FENCE_MARGIN_SECONDS = 5;
/**
 * The copy goes straight into the live file (rollback journal, see sole-access.ts) only when the
 * live file has at most this share of the copy's pages (otherwise the journal of the pages it
 * overwrites costs what the WAL would) and the copy is at most ROLLBACK_MAX_BYTES (a connection
 * that opens the file meanwhile waits for the copy, up to its busy timeout of 5 s).
 */
const ROLLBACK_MAX_LIVE_SHARE = 0.5;
const ROLLBACK_MAX_BYTES = 512 * 1024 * 1024;

/** How the pages went into the live file: through its WAL (then checkpointed), or straight in with a rollback journal. */
export type PageJournal = 'wal' | 'rollback';

export type PageSwitchResult = Exclude<SwitchResult, { switched: true }> | { switched: true; checkpoint: number; journal: PageJournal } | { switched: false; unsupported: string };

/**
 * Switches a rebuilt SQLite copy in by copying its PAGES over the live file (SQLite's online
 * backup, one write transaction on the live file): no row is re-inserted and no index rebuilt, so
 * it costs a sequential write of the file instead of the row copy's B-tree inserts. Readers of the
 * live file (WAL) see the old read models until the copy commits, then the new ones, never a mix
 * (in rollback mode, used only when nobody has the file open, one that opens it meanwhile waits).
 *
 * Only forward: in one write transaction on the live file the live checkpoint is compared with
 * the rebuild's (live ahead: nothing is switched, the caller catches the rebuild up) and a fence is
 * raised (switch-fence.ts) that refuses every projector commit until the pages are copied in; the
 * copied file has no fence, so it ends with the switch. A running projector then finds the
 * rebuild's checkpoint instead of its own (CheckpointMovedError) and resumes from it.
 *
 * The page copy replaces the WHOLE live file, so it is used only when the live file holds exactly
 * the read-model schema the copy has (same tables, indexes and page size): never when the read
 * models share a file with anything else (e.g. the event store). Otherwise `unsupported` says why
 * and the caller copies rows (switchReadModels). The copy gets the live file's reader-only indexes
 * first (a rebuild copy is written without them). When the live file is small next to the copy and
 * no other connection has it open (no server running), the pages go straight into the file
 * instead of through its WAL and a checkpoint (sole-access.ts).
 */
export async function switchSqliteByPages(live: DataSource, rebuilt: DataSource): Promise<PageSwitchResult> {
  const liveDb = sqliteConnectionOf(live.manager);
  const copyDb = sqliteConnectionOf(rebuilt.manager);
  if (!liveDb || !copyDb) return { switched: false, unsupported: 'the page switch is for SQLite read models only' };
  if (liveDb.memory) return { switched: false, unsupported: 'the live read models are an in-memory database' };
  addLiveIndexes(liveDb, copyDb);
  const unsupported = incompatibility(liveDb, copyDb);
  if (unsupported) return { switched: false, unsupported };
  if (copyDb.prepare(`SELECT 1 FROM "rm_progress" WHERE status = ? LIMIT 1`).get(PENDING_PROGRESS) !== undefined) throw new PendingProgressError();

  const rebuiltCheckpoint = checkpointOf(copyDb);
  const copyPageCount = copyDb.pragma('page_count', { simple: true }) as number;
  const bytes = copyPageCount * (copyDb.pragma('page_size', { simple: true }) as number);
  const deadline = Date.now() / 1000 + FENCE_SECONDS + bytes / FENCE_BYTES_PER_SECOND;
  const livePages = liveDb.pragma('page_count', { simple: true }) as number;
  const rollbackMode = livePages <= copyPageCount * ROLLBACK_MAX_LIVE_SHARE && bytes <= ROLLBACK_MAX_BYTES && leaveWalIfAlone(liveDb);
  try {
    const liveCheckpoint = liveDb
      .transaction(() => {
        const position = checkpointOf(liveDb);
        if (position <= rebuiltCheckpoint) raiseSwitchFence(liveDb, deadline);
        return position;
      })
      .immediate();
    if (liveCheckpoint > rebuiltCheckpoint) return { switched: false, liveCheckpoint, rebuiltCheckpoint };
    try {
      await copyPages(copyDb, liveDb.name, Math.floor(deadline) - FENCE_MARGIN_SECONDS);
    } catch (error) {
      dropSwitchFence(liveDb);
      throw error;
    }
  } finally {
    if (rollbackMode) returnToWal(liveDb);
  }
  if (!rollbackMode) checkpointWithoutWaiting(liveDb);
  return { switched: true, checkpoint: rebuiltCheckpoint, journal: rollbackMode ? 'rollback' : 'wal' };
}

/**
 * Moves the copied pages from the WAL into the file now (rather than at the live projector's next
 * commit) and truncates the WAL, as far as that is possible without waiting: what readers of an
 * older snapshot still need stays in the WAL until a later checkpoint.
 */
function checkpointWithoutWaiting(db: Database): void {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

function checkpointOf(db: Database): number {
  const row = db.prepare(`SELECT position FROM "projection_checkpoints" WHERE projection = ?`).get(READ_MODELS_PROJECTION) as { position: number | bigint } | undefined;
  return row ? Number(row.position) : -1;
}

type SchemaRow = { type: string; name: string; tbl_name: string; sql: string | null };

const schemaOf = (db: Database): SchemaRow[] =>
  (db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all() as SchemaRow[]).filter(
    (row) => !SWITCH_FENCE_TRIGGERS.includes(row.name),
  );

/** Creates in the copy the live file's indexes it lacks (the reader-only ones a rebuild copy is written without). */
function addLiveIndexes(liveDb: Database, copyDb: Database): void {
  const copy = schemaOf(copyDb);
  const tables = new Set(copy.filter((row) => row.type === 'table').map((row) => row.name));
  const indexes = new Set(copy.filter((row) => row.type === 'index').map((row) => row.name));
  for (const row of schemaOf(liveDb)) {
    if (row.type === 'index' && row.sql && tables.has(row.tbl_name) && !indexes.has(row.name)) copyDb.exec(row.sql);
  }
}

/** Why the copy's pages cannot replace the live file, or null when they can. */
function incompatibility(liveDb: Database, copyDb: Database): string | null {
  const livePageSize = liveDb.pragma('page_size', { simple: true });
  const copyPageSize = copyDb.pragma('page_size', { simple: true });
  if (livePageSize !== copyPageSize) return `the page sizes differ (live ${String(livePageSize)}, copy ${String(copyPageSize)})`;
  const live = schemaOf(liveDb);
  const copy = new Map(schemaOf(copyDb).map((row) => [`${row.type} ${row.name}`, row.sql]));
  for (const row of live) {
    if (!copy.has(`${row.type} ${row.name}`)) return `the live file holds ${row.type} "${row.name}", which is not a read model of this version`;
    if (copy.get(`${row.type} ${row.name}`) !== row.sql) return `${row.type} "${row.name}" is defined differently in the live file`;
  }
  if (copy.size !== live.length) return 'the live file lacks part of the read-model schema';
  return null;
}
