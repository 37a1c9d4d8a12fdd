import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { SqliteEventStore } from '@app/event-store';
import { createReadModelDataSource, dumpReadModels, LearnerRow, migrateReadModels, projectAll, readCheckpoint, ReadModelOptions, WorkerThreadProjector } from '../src';
import { newEvent } from '../../event-store/test/contract-fixtures';
import { generateSyntheticLog } from './support/synthetic-log';

async function openReadModels(file: string): Promise<{ options: ReadModelOptions; db: DataSource }> {
  const options: ReadModelOptions = { kind: 'sqlite', file };
  const db = createReadModelDataSource(options);
  await migrateReadModels(db, options);
  return { options, db };
}

describe('WorkerThreadProjector (the embedded projector on a worker thread)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'worker-projector-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given appends on this thread while it runs, then a stop, more appends and a new projector, then the read models equal a clean rebuild and the checkpoint is the head', async () => {
    const storeFile = join(dir, 'events.sqlite');
    const store = new SqliteEventStore(storeFile, 'NORMAL');
    const live = await openReadModels(join(dir, 'live.sqlite'));
    const rebuilt = await openReadModels(join(dir, 'rebuilt.sqlite'));
    const data = { store: { kind: 'sqlite' as const, path: storeFile }, readModel: live.options, batchSize: 25 };
    const first = new WorkerThreadProjector(store, data);
    try {
      await first.start();
      expect(first.status).toEqual({ running: true, checkpoint: -1, failures: 0 });
      const firstPart = await generateSyntheticLog(store, { learners: 120, seed: 3, concurrency: 4 });
      await first.waitFor(firstPart.head, 30_000);
      expect(first.checkpoint).toBe(firstPart.head);
      await first.stop();
      expect(first.status.running).toBe(false);
      expect(await readCheckpoint(live.db.manager)).toBe(firstPart.head);

      // Appended while no projector runs: the next one resumes from the stored checkpoint.
      for (let i = 0; i < 30; i++) {
        await store.append(`learner-late${i}`, [newEvent('LearnerRegistered', { learnerId: `late${i}`, registeredBy: 'mitx', externalRefHash: null })], 'no-stream');
      }
      const second = new WorkerThreadProjector(store, data);
      await second.start();
      expect(second.checkpoint).toBe(firstPart.head);
      await second.waitFor(await store.headPosition(), 30_000);
      await second.stop();

      await projectAll(store, rebuilt.db, { batchSize: 1000 });
      const projected = await dumpReadModels(live.db);
      expect(projected.rm_progress.length).toBeGreaterThan(0);
      expect(projected.rm_ledger.length).toBeGreaterThan(0);
      expect(await dumpReadModels(rebuilt.db)).toEqual(projected);
      expect(await readCheckpoint(live.db.manager)).toBe(await store.headPosition());
    } finally {
      await first.stop();
      await live.db.destroy();
      await rebuilt.db.destroy();
      await store.close();
    }
  }, 120_000);

  it('given the worker thread dies, then a new one is started after a backoff, resumes from the checkpoint and applies what was appended meanwhile', async () => {
    const storeFile = join(dir, 'events.sqlite');
    const store = new SqliteEventStore(storeFile, 'NORMAL');
    const { options, db } = await openReadModels(join(dir, 'rm.sqlite'));
    const projector = new WorkerThreadProjector(store, { store: { kind: 'sqlite', path: storeFile }, readModel: options, batchSize: 25 });
    const register = (id: string) => store.append(`learner-${id}`, [newEvent('LearnerRegistered', { learnerId: id, registeredBy: 'mitx', externalRefHash: null })], 'no-stream');
    try {
      await projector.start();
      await register('a');
      await projector.waitFor(await store.headPosition(), 10_000);
      // An unexpected end of the thread (as if it crashed): terminate() ends it without a 'stop'.
      await (projector as unknown as { worker: Worker }).worker.terminate();
      expect(projector.status).toMatchObject({ running: true, failures: 1 });
      await register('b');
      await register('c');
      await projector.waitFor(await store.headPosition(), 15_000);
      expect(projector.status).toEqual({ running: true, checkpoint: await store.headPosition(), failures: 0 });
      expect((await db.manager.find(LearnerRow)).map((r) => r.learnerId).sort()).toEqual(['a', 'b', 'c']);
    } finally {
      await projector.stop();
      await db.destroy();
      await store.close();
    }
  }, 30_000);

  it('given read models that were never migrated, when it starts, then start() rejects with the worker’s error and no worker is left running', async () => {
    const storeFile = join(dir, 'events.sqlite');
    const store = new SqliteEventStore(storeFile, 'NORMAL');
    const projector = new WorkerThreadProjector(store, { store: { kind: 'sqlite', path: storeFile }, readModel: { kind: 'sqlite', file: join(dir, 'empty.sqlite') }, batchSize: 25 });
    try {
      await expect(projector.start()).rejects.toThrow(/projector worker could not start: .*no such table/s);
    } finally {
      await projector.stop();
      await store.close();
    }
  }, 30_000);

  it('given a position it has not reached, when waitFor times out or the projector stops, then the promise rejects', async () => {
    const storeFile = join(dir, 'events.sqlite');
    const store = new SqliteEventStore(storeFile, 'NORMAL');
    const { options, db } = await openReadModels(join(dir, 'rm.sqlite'));
    const projector = new WorkerThreadProjector(store, { store: { kind: 'sqlite', path: storeFile }, readModel: options, batchSize: 25 });
    try {
      await projector.start();
      await expect(projector.waitFor(10, 50)).rejects.toThrow(/did not reach position 10/);
      const pending = projector.waitFor(10, 10_000);
      await projector.stop();
      await expect(pending).rejects.toThrow('projector stopped');
    } finally {
      await db.destroy();
      await store.close();
    }
  }, 30_000);
});
