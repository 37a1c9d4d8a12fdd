import { DataSource } from 'typeorm';
import { sqliteConnectionOf } from '../runtime/bulk-sqlite';

/**
 * A SQLite rebuild copy is written once and read by nobody until the switch: a rollback journal
 * instead of WAL (every page is written once to the file, not to the WAL and again at each
 * checkpoint; new pages past the end of the file are not journaled) and no fsync. Still safe
 * against the process dying at any point (the OS keeps what was written; the next open rolls a
 * half-written transaction back); an OS crash may lose the copy, and a rebuild starts from an
 * empty copy anyway. PostgreSQL: nothing to tune.
 */
export function tuneRebuildTarget(db: DataSource): void {
  const sqlite = sqliteConnectionOf(db.manager);
  if (!sqlite) return;
  sqlite.pragma('journal_mode = DELETE');
  sqlite.pragma('synchronous = OFF');
}
