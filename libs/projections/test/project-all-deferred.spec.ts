import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SqliteEventStore } from '@app/event-store';
import { createReadModelDataSource, dumpReadModels, migrateReadModels, ProgressRow, projectAll, readCheckpoint, ReadModelOptions, switchReadModels } from '@app/projections';
import { PendingProgressError } from '../src/rebuild/switch-read-models';
import { generateSyntheticLog } from './support/synthetic-log';

const ROOT = join(__dirname, '..', '..', '..');
const WORKER = join(__dirname, 'support', 'deferred-projection.worker.ts');

type Dump = Record<string, string[]>;

async function withReadModels<T>(file: string, work: (db: DataSource) => Promise<T>): Promise<T> {
  const options: ReadModelOptions = { kind: 'sqlite', file };
  const db = createReadModelDataSource(options);
  try {
    await migrateReadModels(db, options);
    return await work(db);
  } finally {
    if (db.isInitialized) await db.destroy();
  }
}

/** Runs the worker to its end or to its self-inflicted SIGKILL. */
function runWorker(env: Record<string, string>): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', WORKER], { cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })));
}

const statusCounts = async (db: DataSource) => ({
  pending: await db.manager.countBy(ProgressRow, { status: 'pending' }),
  total: await db.manager.count(ProgressRow),
});

describe('projectAll with deferred progress (what a rebuild runs) gives the read models the per-batch projection gives', () => {
  let dir: string;
  let storeFile: string;
  let store: SqliteEventStore;
  let head: number;
  let reference: Dump;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'project-all-deferred-'));
    storeFile = join(dir, 'events.sqlite');
    store = new SqliteEventStore(storeFile, 'NORMAL');
    head = (await generateSyntheticLog(store, { learners: 300, seed: 7 })).head;
    reference = await withReadModels(join(dir, 'per-batch.sqlite'), async (db) => {
      await projectAll(store, db, { batchSize: 100 });
      return dumpReadModels(db);
    });
    expect(reference.rm_progress.length).toBeGreaterThan(30);
    expect(reference.rm_ledger.length).toBeGreaterThan(0);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('in one go (batches of 250, evaluation chunks of 7): the same rows, none pending', async () => {
    const evaluated: number[] = [];
    const { dump, counts } = await withReadModels(join(dir, 'deferred.sqlite'), async (db) => {
      const result = await projectAll(store, db, { batchSize: 250, progress: 'deferred', deferred: { chunkSize: 7, onChunk: (n) => evaluated.push(n) } });
      expect(result.checkpoint).toBe(head);
      return { dump: await dumpReadModels(db), counts: await statusCounts(db) };
    });
    expect(counts).toEqual({ pending: 0, total: reference.rm_progress.length });
    expect(evaluated).toHaveLength(Math.ceil(reference.rm_progress.length / 7));
    expect(evaluated[evaluated.length - 1]).toBe(reference.rm_progress.length);
    expect(dump).toEqual(reference);
  }, 60_000);

  it('SIGKILLed after a batch, then during the deferred evaluation, resumed each time: the same rows; never switched in while rows are pending', async () => {
    const file = join(dir, 'killed.sqlite');
    const base = { STORE_FILE: storeFile, READ_MODEL_FILE: file, BATCH_SIZE: '250', EVALUATION_CHUNK: '10' };

    const first = await runWorker({ ...base, KILL_AT_CHECKPOINT: String(Math.floor(head / 2)) });
    expect({ signal: first.signal, output: first.output }).toEqual({ signal: 'SIGKILL', output: '' });
    const midway = await withReadModels(file, async (db) => ({ checkpoint: await readCheckpoint(db.manager), counts: await statusCounts(db) }));
    expect(midway.checkpoint).toBeGreaterThanOrEqual(Math.floor(head / 2));
    expect(midway.checkpoint).toBeLessThan(head);
    expect(midway.counts.pending).toBe(midway.counts.total);
    expect(midway.counts.pending).toBeGreaterThan(0);

    const second = await runWorker({ ...base, KILL_AFTER_CHUNKS: '2' });
    expect({ signal: second.signal, output: second.output }).toEqual({ signal: 'SIGKILL', output: '' });
    const deferredPhase = await withReadModels(file, async (db) => ({ checkpoint: await readCheckpoint(db.manager), counts: await statusCounts(db) }));
    expect(deferredPhase.checkpoint).toBe(head);
    expect(deferredPhase.counts).toEqual({ pending: reference.rm_progress.length - 20, total: reference.rm_progress.length });
    const live: ReadModelOptions = { kind: 'sqlite', file: join(dir, 'live.sqlite') };
    await withReadModels(live.file, async (db) => {
      await expect(switchReadModels(db, live, { kind: 'sqlite', file })).rejects.toBeInstanceOf(PendingProgressError);
      expect(await readCheckpoint(db.manager)).toBe(-1);
    });

    const last = await runWorker(base);
    expect({ code: last.code, output: last.output }).toEqual({ code: 0, output: `done ${head}\n` });
    expect(await withReadModels(file, dumpReadModels)).toEqual(reference);
  }, 120_000);
});
