import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { createReadModelDataSource, migrateReadModels, projectAll, projectionsConfigFromEnv, rebuildBatchSize, rebuildReadModels, ReadModelOptions } from '@app/projections';
import { generateSyntheticLog } from '../../libs/projections/test/support/synthetic-log';
import { nowMs, rate, Row } from '../lib/report';
import { measureRebuildFloor, RebuildFloor } from './rebuild-floor';

/** About 6.3 events per learner: 16,000 learners give a log of ~100k events. */
const LEARNERS = Number(process.env.BENCH_PROJECTION_LEARNERS ?? '16000');
const TARGET = 50_000;

const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

async function readAllRate(store: SqliteEventStore): Promise<{ events: number; ms: number }> {
  const start = nowMs();
  let events = 0;
  for await (const event of store.readAll({ batchSize: 1000 })) if (event.position >= 0) events += 1;
  return { events, ms: nowMs() - start };
}

const removeSqlite = (file: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
};

/** JIT and schema compilation: the rebuild's projection of the first events into a scratch file. */
async function warmUp(store: SqliteEventStore, file: string, batchSize: number, upTo: number): Promise<void> {
  removeSqlite(file);
  const options: ReadModelOptions = { kind: 'sqlite', file };
  const db = createReadModelDataSource(options);
  await migrateReadModels(db, options);
  try {
    await projectAll(store, db, { batchSize, upTo, progress: 'deferred' });
  } finally {
    await db.destroy();
  }
}

/**
 * Rebuild rate on SQLite: what `npm run projections:rebuild` runs (`rebuildReadModels` with the
 * CLI's batch size: projection into a fresh copy, the deferred progress evaluation, the switch by
 * copying pages) on a synthetic log of ~100k events, timed as a whole, first into empty live read
 * models, then again over the full ones, next to reading the same log with `store.readAll` (a
 * rebuild reads every event) in the same run; a last row gives the floor under them (floorRow).
 */
export async function benchRebuildRate(dir: string): Promise<Row[]> {
  const store = new SqliteEventStore(join(dir, 'events.sqlite'), 'NORMAL');
  try {
    const generated = nowMs();
    const log = await generateSyntheticLog(store, { learners: LEARNERS, seed: 42, concurrency: 32 });
    console.log(`synthetic log: ${log.events} events (${log.learners} learners, ${log.requests} requests) generated in ${((nowMs() - generated) / 1000).toFixed(1)} s`);
    const batchSize = rebuildBatchSize(projectionsConfigFromEnv(process.env).batchSize);
    await warmUp(store, join(dir, 'warm-up.sqlite'), batchSize, Math.min(log.head, 10_000));
    const read = await readAllRate(store);
    const live = join(dir, 'read-models.sqlite');
    removeSqlite(live);
    const rebuild = async (over: string): Promise<Row> => {
      const start = nowMs();
      const report = await rebuildReadModels(store, { kind: 'sqlite', file: live }, undefined, batchSize);
      const ms = nowMs() - start;
      return {
        measure: `projections:rebuild (rebuildReadModels, batch ${batchSize}) over ${over}`,
        events: report.events,
        seconds: ms / 1000,
        'of which projecting s': report.seconds,
        'switched by': report.pagesThrough ? `${report.switchedBy} (${report.pagesThrough})` : report.switchedBy,
        'events/s': rate(report.events, ms),
        'baseline: readAll events/s': rate(read.events, read.ms),
        'ratio to readAll': Number((rate(report.events, ms) / rate(read.events, read.ms)).toFixed(3)),
        target: `>= ${TARGET.toLocaleString('en-US')}/s`,
        met: rate(report.events, ms) >= TARGET ? 'yes' : 'NO',
        'load average (1 5 15 min)': load(),
      };
    };
    // First into empty live read models (a first rebuild, or after they were lost), then again over the full ones.
    const rows = [await rebuild('empty live read models'), await rebuild('the full live read models')];
    return [...rows, floorRow(await measureRebuildFloor(live), read)];
  } finally {
    await store.close();
  }
}

/**
 * The floor under the rows above, from this run's figures: reading the log (readAll), writing the
 * rebuilt read models' bytes once, and the engine's evaluation of the progress rows. A rebuild
 * that did nothing else would run at this rate; the gap to it is what folding, row building,
 * inserts, transactions and the switch cost.
 */
function floorRow(floor: RebuildFloor, read: { events: number; ms: number }): Row {
  const ms = read.ms + floor.writeOnceMs + floor.engineMs;
  const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
  return {
    measure: `floor: readAll ${s(read.ms)} + writing the ${(floor.bytes / 1e6).toFixed(0)} MB of read models once (VACUUM INTO) ${s(floor.writeOnceMs)} + engine on ${floor.pairs.toLocaleString('en-US')} progress rows, inputs in memory, ${s(floor.engineMs)}`,
    events: read.events,
    seconds: ms / 1000,
    'of which projecting s': '-',
    'switched by': '-',
    'events/s': rate(read.events, ms),
    'baseline: readAll events/s': rate(read.events, read.ms),
    'ratio to readAll': Number((rate(read.events, ms) / rate(read.events, read.ms)).toFixed(3)),
    target: `>= ${TARGET.toLocaleString('en-US')}/s`,
    met: 'n/a (a bound)',
    'load average (1 5 15 min)': load(),
  };
}
