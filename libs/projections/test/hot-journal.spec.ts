import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadModelDataSource } from '../src';

/** A process killed in the middle of a write transaction on a rollback-journal file (as a rebuild killed during a direct page copy). */
function killMidTransaction(file: string): void {
  const script = [
    `const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});`,
    `const db = new Database(${JSON.stringify(file)});`,
    `db.pragma('journal_mode = DELETE');`,
    `db.exec('CREATE TABLE t (x TEXT)');`,
    `db.prepare('INSERT INTO t VALUES (?)').run('committed');`,
    // A small page cache spills the transaction's pages into the file before the commit.
    `db.pragma('cache_size = 10');`,
    `db.exec('BEGIN');`,
    `const insert = db.prepare('INSERT INTO t VALUES (?)');`,
    `for (let i = 0; i < 20000; i++) insert.run('x'.repeat(100));`,
    `process.kill(process.pid, 'SIGKILL');`,
  ].join('\n');
  const child = spawnSync(process.execPath, ['-e', script]);
  expect(child.signal).toBe('SIGKILL');
}

describe('a read-only read-model connection after a writer died mid-transaction (hot rollback journal)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hot-journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused by SQLite on its own; the read-model reader rolls the journal back first and reads the committed rows only', async () => {
    const file = join(dir, 'read-models.sqlite');
    killMidTransaction(file);
    expect(existsSync(`${file}-journal`)).toBe(true);
    const raw = new Database(file, { readonly: true });
    try {
      expect(() => raw.prepare('SELECT count(*) AS n FROM t').get()).toThrow(expect.objectContaining({ code: 'SQLITE_READONLY_ROLLBACK' }));
    } finally {
      raw.close();
    }

    const reader = await createReadModelDataSource({ kind: 'sqlite', file }, 'reader').initialize();
    try {
      expect(await reader.query('SELECT x, count(*) AS n FROM t GROUP BY x')).toEqual([{ x: 'committed', n: 1 }]);
      expect(existsSync(`${file}-journal`)).toBe(false);
    } finally {
      await reader.destroy();
    }
  });

  it('given a journal that is not hot (a live writer holds its lock), does not wait for it and changes nothing', async () => {
    const file = join(dir, 'read-models.sqlite');
    const writer = new Database(file);
    writer.pragma('journal_mode = DELETE');
    writer.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('committed')");
    writer.pragma('cache_size = 10');
    writer.exec('BEGIN');
    const insert = writer.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 20000; i++) insert.run('x'.repeat(100));
    expect(existsSync(`${file}-journal`)).toBe(true);
    try {
      const started = Date.now();
      const reader = createReadModelDataSource({ kind: 'sqlite', file }, 'reader');
      expect(Date.now() - started).toBeLessThan(1000);
      expect(existsSync(`${file}-journal`)).toBe(true);
      writer.exec('COMMIT');
      await reader.initialize();
      expect(await reader.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 20001 }]);
      await reader.destroy();
    } finally {
      writer.close();
    }
  });
});
