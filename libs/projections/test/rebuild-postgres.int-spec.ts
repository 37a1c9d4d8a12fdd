import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { createReadModelDataSource, dumpReadModels, migrateReadModels, projectAll, rebuildReadModels, rebuildTarget } from '@app/projections';
import { postgresTarget } from './support/crash-targets';
import { generateSyntheticLog } from './support/synthetic-log';

const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('rebuild on PostgreSQL read models (deferred progress, plain SQL writes): the switched-in copy equals the per-batch projection', () => {
  let dir: string;
  let store: SqliteEventStore;
  const target = postgresTarget(POSTGRES_URL, `rebuild_${process.pid}_${Date.now().toString(36)}`);
  const live = target.live;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rebuild-postgres-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'), 'NORMAL');
    await generateSyntheticLog(store, { learners: 300, seed: 7 });
  }, 120_000);
  afterAll(async () => {
    await target.drop(live);
    await target.drop(rebuildTarget(live));
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rebuildReadModels over live read models projected batch by batch leaves them as they were', async () => {
    await target.drop(live);
    const db = createReadModelDataSource(live);
    try {
      await migrateReadModels(db, live);
      await projectAll(store, db, { batchSize: 100 });
      const before = await dumpReadModels(db);
      expect(before.rm_progress.length).toBeGreaterThan(30);
      const report = await rebuildReadModels(store, live, undefined, 250);
      expect(report.checkpoint).toBe(await store.headPosition());
      expect(await dumpReadModels(db)).toEqual(before);
    } finally {
      await db.destroy();
    }
  }, 120_000);
});
