import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { createReadModelDataSource, migrateReadModels, projectAll, ReadModelOptions } from '@app/projections';
import { generateSyntheticLog } from '../../libs/projections/test/support/synthetic-log';
import { nowMs, rate, Row } from '../lib/report';

/** About 6.3 events per learner: 16,000 learners give a log of ~100k events. */
const LEARNERS = Number(process.env.BENCH_PROJECTION_LEARNERS ?? '16000');
const TARGET = 50_000;

async function readAllRate(store: SqliteEventStore): Promise<{ events: number; ms: number }> {
  const start = nowMs();
  let events = 0;
  for await (const event of store.readAll({ batchSize: 1000 })) if (event.position >= 0) events += 1;
  return { events, ms: nowMs() - start };
}

async function projectInto(store: SqliteEventStore, file: string, batchSize: number, upTo?: number): Promise<{ events: number; ms: number }> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const options: ReadModelOptions = { kind: 'sqlite', file };
  const db = createReadModelDataSource(options);
  await migrateReadModels(db, options);
  try {
    const start = nowMs();
    const { applied } = await projectAll(store, db, { batchSize, upTo });
    return { events: applied, ms: nowMs() - start };
  } finally {
    await db.destroy();
  }
}

/**
 * Rebuild rate on SQLite: `projectAll` from a synthetic log of >= 100k events into a fresh
 * read-model file (what `npm run projections:rebuild` does before the switch), next to reading
 * the same log with `store.readAll` (the floor: a rebuild reads every event).
 */
export async function benchRebuildRate(dir: string): Promise<Row[]> {
  const store = new SqliteEventStore(join(dir, 'events.sqlite'), 'NORMAL');
  try {
    const generated = nowMs();
    const log = await generateSyntheticLog(store, { learners: LEARNERS, seed: 42, concurrency: 32 });
    console.log(`synthetic log: ${log.events} events (${log.learners} learners, ${log.requests} requests) generated in ${((nowMs() - generated) / 1000).toFixed(1)} s`);
    await projectInto(store, join(dir, 'warm-up.sqlite'), 1000, Math.min(log.head, 10_000)); // JIT, schema compilation
    const read = await readAllRate(store);
    const rows: Row[] = [];
    for (const batchSize of [1000, 5000]) {
      const run = await projectInto(store, join(dir, `rebuild-${batchSize}.sqlite`), batchSize);
      rows.push({
        measure: `projectAll, fresh SQLite file, batch ${batchSize}`,
        events: run.events,
        seconds: run.ms / 1000,
        'events/s': rate(run.events, run.ms),
        'baseline: readAll events/s': rate(read.events, read.ms),
        'ratio to readAll': Number((rate(run.events, run.ms) / rate(read.events, read.ms)).toFixed(3)),
        target: `>= ${TARGET.toLocaleString('en-US')}/s`,
        met: rate(run.events, run.ms) >= TARGET ? 'yes' : 'NO',
      });
    }
    return rows;
  } finally {
    await store.close();
  }
}
