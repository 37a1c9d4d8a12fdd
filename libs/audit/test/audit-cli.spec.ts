import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { SqliteEventStore } from '@app/event-store';
import { AUDIT_COMMANDS, CliContext, runAuditCli } from '../src';
import { seedLog } from './seed-log';

const dir = mkdtempSync(join(tmpdir(), 'audit-cli-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs one CLI invocation against the SQLite file `path`, capturing output and progress calls. */
async function cli(path: string, ...argv: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const progress: string[] = [];
  const ctx: CliContext = {
    openStore: async () => new SqliteEventStore(path),
    stdout,
    stderr,
    progress: (label) => ({
      start: (total) => progress.push(`${label.trim()} start ${total}`),
      update: (value) => progress.push(`${label.trim()} ${value}`),
      stop: () => undefined,
    }),
  };
  const code = await runAuditCli(argv, AUDIT_COMMANDS, ctx);
  return { code, out: stdout.text, err: stderr.text, progress };
}

async function seededFile(): Promise<{ path: string; store: SqliteEventStore }> {
  const path = join(dir, `log-${(counter += 1)}.sqlite`);
  const store = new SqliteEventStore(path);
  await seedLog(store, 'c');
  return { path, store };
}

describe('npm run audit -- <command>: the dispatcher and the verify / export / import commands', () => {
  it('usage errors exit 2 with a clear message: no command, unknown command, unknown option, bad values', async () => {
    const path = join(dir, 'unused.sqlite');
    expect(await cli(path)).toMatchObject({ code: 2, err: expect.stringContaining('usage: npm run audit -- <command>') });
    expect(await cli(path, 'frobnicate')).toMatchObject({ code: 2, err: expect.stringContaining('unknown command "frobnicate"') });
    expect(await cli(path, 'verify', '--bogus')).toMatchObject({ code: 2, err: expect.stringMatching(/verify: Unknown option '--bogus'[\s\S]*usage: npm run audit -- verify/) });
    expect(await cli(path, 'verify', '--expect-digest', 'abc')).toMatchObject({ code: 2, err: expect.stringContaining('--expect-digest must be') });
    expect(await cli(path, 'export', '--since', 'yesterday')).toMatchObject({ code: 2, err: expect.stringContaining('--since must be an ISO-8601') });
    expect(await cli(path, 'import')).toMatchObject({ code: 2, err: expect.stringContaining('--in FILE is required') });
    expect(await cli(path, 'import', '--in', join(dir, 'missing.ndjson'))).toMatchObject({ code: 2, err: expect.stringContaining('no such file') });
    expect(await cli(path, 'help', 'export')).toMatchObject({ code: 0, out: expect.stringContaining('--from-position N') });
  });

  it('verify: exit 0 and the digest on an intact log; exit 1 naming the first fault after a row is edited', async () => {
    const { path, store } = await seededFile();
    const intact = await cli(path, 'verify');
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/^OK: sqlite store, 12 events in 4 streams checked/);
    expect(intact.out).toMatch(/digest [0-9a-f]{64}@12\n/);
    expect(intact.progress).toEqual(['verifying start 12', 'verifying 12']);
    store.connection.prepare("UPDATE events SET data = '{}' WHERE position = 4").run();
    const faulty = await cli(path, 'verify');
    expect(faulty.code).toBe(1);
    expect(faulty.out).toMatch(/^INTEGRITY FAULT/);
    expect(faulty.out).toMatch(/first fault \(1 in all\): hash-mismatch in stream "learner-ca" at revision 1, position 4, event [0-9a-f-]{36}/);
    await store.close();
  });

  it('verify --expect-digest: exit 0 while the log up to the recorded position is unchanged, 1 once a stream is deleted', async () => {
    const { path, store } = await seededFile();
    const recorded = /digest (\S+)/.exec((await cli(path, 'verify')).out)?.[1] as string;
    expect(await cli(path, 'verify', '--expect-digest', recorded)).toMatchObject({ code: 0, out: expect.stringContaining('expected digest at position 12: matches') });
    store.connection.prepare("DELETE FROM events WHERE stream = 'learner-cb'").run();
    const json = await cli(path, 'verify', '--json', '--expect-digest', recorded);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, faults: 0, checked: 10, expectedDigest: { matches: false } });
    await store.close();
  });

  it('export to stdout and to a file with filters; import of the file into an empty store reproduces the digest', async () => {
    const { path, store } = await seededFile();
    const decided = await cli(path, 'export', '--type', 'ItemsDecided', '--type', 'RequestEvaluated', '--category', 'transfer');
    expect(decided.code).toBe(0);
    expect(decided.out.trimEnd().split('\n').map((l) => JSON.parse(l).type)).toEqual(['RequestEvaluated', 'ItemsDecided']);
    const window = await cli(path, 'export', '--from-position', '3', '--to-position', '5', '--since', '2000-01-01');
    expect(window.out.trimEnd().split('\n').map((l) => JSON.parse(l).position)).toEqual([3, 4, 5]);

    const file = join(dir, 'export.ndjson');
    const exported = await cli(path, 'export', '--out', file);
    expect(exported).toMatchObject({ code: 0, out: '', err: expect.stringContaining('exported 12 events') });
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(12);
    const digest = /digest (\S+)/.exec((await cli(path, 'verify')).out)?.[1];
    const target = join(dir, `imported-${counter}.sqlite`);
    const imported = await cli(target, 'import', '--in', file);
    expect(imported.code).toBe(0);
    expect(imported.out).toBe(`imported 12 events in 4 streams into the sqlite store\ndigest ${digest}\n`);
    expect(imported.progress).toContain('restoring 12');
    expect(await cli(target, 'verify', '--expect-digest', digest as string)).toMatchObject({ code: 0 });
    expect(await cli(target, 'import', '--in', file)).toMatchObject({ code: 1, err: expect.stringContaining('is not empty') });
    await store.close();
  });

  it('import refuses a tampered file with exit 1 and the line number, writing nothing', async () => {
    const { path, store } = await seededFile();
    const file = join(dir, 'tampered.ndjson');
    await cli(path, 'export', '--out', file);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[4] = lines[4].replace('"index":4', '"index":40');
    writeFileSync(file, lines.join('\n'));
    const target = join(dir, `refused-${counter}.sqlite`);
    const refused = await cli(target, 'import', '--in', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^import refused: line 5: hash-mismatch in stream "transfer-ct" at revision 0/);
    expect(await cli(target, 'verify')).toMatchObject({ code: 0, out: expect.stringContaining('0 events') });
    await store.close();
  });

  it('the real entry point reads the store from the environment; a bad configuration is a usage error (exit 2)', () => {
    const { path } = { path: join(dir, 'entry.sqlite') };
    const root = resolve(__dirname, '../../..');
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/audit/src/cli.ts', 'verify'], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', ...env },
        encoding: 'utf8',
      });
    const ok = run({ EVENT_STORE: 'sqlite', SQLITE_PATH: path });
    expect({ status: ok.status, stdout: ok.stdout }).toEqual({ status: 0, stdout: expect.stringContaining('OK: sqlite store, 0 events') });
    const bad = run({ EVENT_STORE: 'mysql' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('EVENT_STORE: must be one of sqlite, postgres, eventstoredb');
  });
});
