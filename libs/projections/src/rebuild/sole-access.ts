import type { Database } from 'better-sqlite3';

/**
 * Takes the live SQLite read-model file out of WAL into a rollback journal when this connection is
 * the only one that has it open. A connection can leave WAL only then (every WAL connection, reader
 * or writer, holds a shared lock on the file for as long as it is open), so nothing is changed
 * under a running server: it returns false and leaves the file as it was.
 *
 * In rollback mode the rebuild's page copy goes straight into the file, instead of into the WAL and
 * again into the file at the checkpoint (half the writes). Correctness never depends on it: a
 * connection that opens the file meanwhile simply uses the rollback journal (or puts the file back
 * into WAL) under SQLite's usual locking, and the switch's fence still holds. `returnToWal` ends it.
 */
export function leaveWalIfAlone(db: Database): boolean {
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') return false;
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  // Exclusive locking mode while leaving WAL, so the WAL index need not be shared to close it.
  db.pragma('locking_mode = EXCLUSIVE');
  let left = false;
  try {
    left = db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
    unlock(db);
  }
  return left;
}

/**
 * Puts the file back into WAL, waiting up to the connection's busy timeout for connections that
 * opened it meanwhile. Returns false if they kept it busy: the file then stays in rollback-journal
 * mode, which is still a valid, consistent database, until a read-model writer opens it (every
 * writer connection puts it into WAL when it opens).
 */
export function returnToWal(db: Database): boolean {
  try {
    return db.pragma('journal_mode = WAL', { simple: true }) === 'wal';
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw error;
  }
}

/** Normal locking takes effect (an exclusive lock is released) at the connection's next access. */
function unlock(db: Database): void {
  db.pragma('locking_mode = NORMAL');
  db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
}
