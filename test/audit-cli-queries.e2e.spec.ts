import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { AUDIT_COMMANDS, CliContext, runAuditCli } from '@app/audit';
import { SqliteEventStore } from '@app/event-store';
import { ReadModelProjector } from '@app/projections';
import { scmPolicy } from '../libs/transfer/test/scm-pathway.http-fixtures';
import { runScmFlow, ScmFlowResult } from './support/scm-flow';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** `npm run audit -- history | reproduce | impact` against the files of a running standalone app. */
describe('audit CLI: history, reproduce, impact', () => {
  let t: StandaloneUnderTest;
  let flow: ScmFlowResult;
  const dir = mkdtempSync(join(tmpdir(), 'audit-cli-queries-'));
  const cli = async (...argv: string[]) => {
    const stdout = new Capture();
    const stderr = new Capture();
    const progress: number[] = [];
    const ctx: CliContext = {
      openStore: async () => new SqliteEventStore(process.env.SQLITE_PATH as string),
      stdout,
      stderr,
      progress: () => ({ start: () => undefined, update: (v) => progress.push(v), stop: () => undefined }),
    };
    const code = await runAuditCli(argv, AUDIT_COMMANDS, ctx);
    return { code, out: stdout.text, err: stderr.text, progress };
  };

  beforeAll(async () => {
    t = await startStandalone();
    flow = await runScmFlow(t);
    await t.app.get(ReadModelProjector).waitFor(await t.store.headPosition());
  }, 60000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('history lists the learner’s events with who, recorded-at and occurred-at, paged', async () => {
    const all = await cli('history', '--learner', flow.learnerId);
    expect(all.code).toBe(0);
    expect(all.out).toContain(`history of learner ${flow.learnerId}`);
    expect(all.out).toMatch(/mit\/registrar\s+ItemsDecided/);
    expect(all.err).toBe('');
    const page = await cli('history', '--learner', flow.learnerId, '--limit', '3', '--type', 'CompletionRecorded');
    expect(page.out.match(/CompletionRecorded/g)).toHaveLength(3);
    expect(page.out).toMatch(/more: add --after \d+/);
    expect((await cli('history', '--learner', 'a', '--request', 'b')).code).toBe(2);
  });

  it('reproduce says the recorded evaluation is reproduced exactly, with its pinned versions and decisions', async () => {
    const res = await cli('reproduce', '--request', flow.requestId);
    expect(res.code).toBe(0);
    expect(res.out).toContain('REPRODUCED exactly');
    expect(res.out).toContain('policy mit-scm-recognition@2026.1');
    expect(res.out.match(/proposed granted/g)).toHaveLength(6);
  });

  it('impact reports the request a stricter proposal would change, with a progress callback', async () => {
    const file = join(dir, 'proposal.json');
    writeFileSync(file, JSON.stringify({ ...scmPolicy(), version: '2027.1', minGrade: 83 }));
    const res = await cli('impact', '--policy', file);
    expect(res.code).toBe(0);
    expect(res.out).toContain('1 request(s), 1 would change');
    expect(res.out).toContain('granted 45 -> 21');
    expect(res.progress).toEqual([1]);
    expect((await cli('impact', '--policy', join(dir, 'missing.json'))).code).toBe(2);
  });
});
