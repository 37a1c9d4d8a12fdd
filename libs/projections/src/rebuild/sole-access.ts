import type { Database } from 'better-sqlite3';

/**
 * Takes the live SQLite read-model file out of WAL into a rollback journal when this connection is
 * the only one that has it open. Leaving WAL needs an exclusive lock on the file, which SQLite
 * cannot get while another connection uses it in WAL (each holds a shared lock from its first
 * read until it closes), so nothing is changed under a running server: it returns false and
 * leaves the file as it was.
 *
 * In rollback mode a page copy writes each page into the file once, plus the old content of the
 * pages it overwrites into the journal; through WAL it writes each page twice (WAL, then the
 * checkpoint). That is a saving only when the live file is small next to the copy (a first
 * rebuild, or after the read models were lost): the caller decides. The data stays safe either
 * way (SQLite's usual locking; the backup copies all pages in one transaction), but while the copy
 * runs in rollback mode, a connection that opens the file meanwhile waits for it (up to its busy
 * timeout) instead of reading the old read models. `returnToWal` ends it.
 */
export function leaveWalIfAlone(db: Database): boolean {
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') return false;
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    return switchJournal(db, 'delete');
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

/**
 * Puts the file back into WAL, waiting up to the connection's busy timeout for connections that
 * opened it meanwhile. Returns false if they kept it busy: the file then stays in rollback-journal
 * mode, which is still a valid, consistent database, until a read-model writer opens it (every
 * writer connection puts it into WAL when it opens).
 */
export function returnToWal(db: Database): boolean {
  return switchJournal(db, 'wal');
}

/** Sets the journal mode; false when another connection kept it from changing (SQLITE_BUSY). */
function switchJournal(db: Database, mode: 'delete' | 'wal'): boolean {
  try {
    return db.pragma(`journal_mode = ${mode}`, { simple: true }) === mode;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw error;
  }
}
