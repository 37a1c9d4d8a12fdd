import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyPages } from '../src/rebuild/copy-pages';
import { leaveWalIfAlone, returnToWal } from '../src/rebuild/sole-access';

describe('the locks around a page switch', () => {
  let dir: string;
  const opened: Database.Database[] = [];
  const open = (name: string, options: Database.Options = {}) => {
    const db = new Database(join(dir, name), options);
    opened.push(db);
    return db;
  };
  const walFile = (name: string) => {
    const db = open(name);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x INTEGER)');
    db.prepare('INSERT INTO t VALUES (1)').run();
    return db;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'switch-locks-'));
  });
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['a read-only reader', { readonly: true }],
    ['another writer', {}],
  ])('given %s with the live file open, leaves it in WAL and unlocked', (_, options: Database.Options) => {
    const live = walFile('live.sqlite');
    const other = open('live.sqlite', options);
    expect(other.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    expect(leaveWalIfAlone(live)).toBe(false);
    expect(live.pragma('journal_mode', { simple: true })).toBe('wal');
    other.pragma('busy_timeout = 0');
    expect(other.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    live.prepare('INSERT INTO t VALUES (2)').run();
    expect(other.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
  });

  it('given no other connection, takes the file into a rollback journal without holding a lock, and returnToWal puts it back', () => {
    const live = walFile('live.sqlite');
    expect(leaveWalIfAlone(live)).toBe(true);
    expect(live.pragma('journal_mode', { simple: true })).toBe('delete');
    const later = open('live.sqlite');
    later.pragma('busy_timeout = 0');
    expect(later.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    later.close();
    expect(returnToWal(live)).toBe(true);
    expect(live.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(leaveWalIfAlone(open('other.sqlite'))).toBe(false);
  });

  it('given a connection that opened the file meanwhile and reads, returnToWal reports it could not (no error) and the file stays a valid rollback-journal database until it can', () => {
    const live = walFile('live.sqlite');
    expect(leaveWalIfAlone(live)).toBe(true);
    const reader = open('live.sqlite');
    reader.exec('BEGIN');
    expect(reader.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    live.pragma('busy_timeout = 50');
    expect(returnToWal(live)).toBe(false);
    expect(live.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(live.pragma('integrity_check', { simple: true })).toBe('ok');
    reader.exec('COMMIT');
    reader.close();
    expect(returnToWal(live)).toBe(true);
    expect(live.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it.each(['wal', 'delete'])(
    'given the destination (journal mode %s) locked by a write transaction when the copy starts, waits for it and copies every page (never reports a copy it did not make)',
    async (mode) => {
      const live = walFile('live.sqlite');
      if (mode === 'delete') expect(leaveWalIfAlone(live)).toBe(true);
      const copy = open('copy.sqlite');
      copy.exec('CREATE TABLE t (x INTEGER)');
      copy.prepare('INSERT INTO t VALUES (?)').run(41);
      copy.prepare('INSERT INTO t VALUES (?)').run(42);
      const holder = open('live.sqlite');
      holder.exec('BEGIN IMMEDIATE');
      holder.prepare('INSERT INTO t VALUES (3)').run();
      const released = new Promise<void>((resolve) =>
        setTimeout(() => {
          holder.exec('COMMIT');
          resolve();
        }, 200),
      );
      await copyPages(copy, join(dir, 'live.sqlite'), Date.now() / 1000 + 30);
      await released;
      expect(live.prepare('SELECT x FROM t ORDER BY x').all()).toEqual([{ x: 41 }, { x: 42 }]);
      expect(live.pragma('journal_mode', { simple: true })).toBe(mode);
    },
  );

  it('never starts a copy at or after its stop time (the switch sets it seconds before its fence lapses), even with the destination free', async () => {
    const live = walFile('live.sqlite');
    const copy = open('copy.sqlite');
    copy.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (41)');
    await expect(copyPages(copy, join(dir, 'live.sqlite'), Date.now() / 1000)).rejects.toThrow('no page was copied');
    expect(live.prepare('SELECT x FROM t').all()).toEqual([{ x: 1 }]);
  });

  it('given the destination locked past the deadline, throws and copies nothing', async () => {
    const live = walFile('live.sqlite');
    const copy = open('copy.sqlite');
    copy.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (41)');
    const holder = open('live.sqlite');
    holder.exec('BEGIN IMMEDIATE');
    await expect(copyPages(copy, join(dir, 'live.sqlite'), Date.now() / 1000 + 0.1)).rejects.toThrow('stayed locked by another connection for as long as the switch could wait; no page was copied');
    holder.exec('ROLLBACK');
    expect(live.prepare('SELECT x FROM t').all()).toEqual([{ x: 1 }]);
  });
});
