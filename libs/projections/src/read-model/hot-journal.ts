import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';

/**
 * Rolls back a hot rollback journal left next to a SQLite read-model file (a rebuild killed while
 * it copied pages straight into the file, see rebuild/sole-access.ts) before a READ-ONLY connection
 * opens it: SQLite refuses to read such a file without write access (SQLITE_READONLY_ROLLBACK),
 * and only a connection that may write rolls the journal back, which any read through it does. A
 * hot journal has no lock holder, so this never waits: a journal that is not hot (its writer is
 * alive and holds its lock) makes the read fail at once with SQLITE_BUSY, and SQLite leaves it
 * alone. If the file cannot be opened for writing, nothing is done; the reader reports SQLite's error.
 */
export function rollBackHotJournal(file: string): void {
  if (!existsSync(`${file}-journal`)) return;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
    db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
  } catch {
    // Busy (the journal is not hot) or not writable: the read-only connection that follows waits or reports it.
  } finally {
    db?.close();
  }
}
