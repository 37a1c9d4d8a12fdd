import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { NewEvent, RecordedEvent, SqliteEventStore } from '@app/event-store';
import { createReadModelDataSource, EmbeddedProjector, migrateReadModels, ReadModelOptions, ReadModelProjector, WorkerThreadProjector } from '@app/projections';
import { learnerDecider, learnerRecordOf, learnerStream } from '@app/records';
import { MITX, MITX_COURSES } from '../../libs/projections/test/support/synthetic-catalog';
import { generateSyntheticLog } from '../../libs/projections/test/support/synthetic-log';
import { nowMs, percentile, Row } from '../lib/report';

const APPENDS = Number(process.env.BENCH_LAG_APPENDS ?? '1200');
const INTERVAL_MS = Number(process.env.BENCH_LAG_INTERVAL_MS ?? '5');
const TARGET_P99_MS = 50;
const WORKER_WARM_UP = Number(process.env.BENCH_LAG_WORKER_WARM_UP ?? '400');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A completion for the learner, decided by the records decider on the learner's current stream. */
async function completionFor(store: SqliteEventStore, learnerId: string, n: number): Promise<{ stream: string; event: NewEvent; revision: number }> {
  const stream = learnerStream(learnerId);
  const events: RecordedEvent[] = [];
  for await (const e of store.readStream(stream)) events.push(e);
  const course = MITX_COURSES[n % MITX_COURSES.length];
  const actor = { institutionId: MITX, role: 'issuer' };
  const [decided] = learnerDecider.decide(
    { kind: 'RecordCompletion', learnerId, completionId: uuidv7(), actor, courseId: course.courseId, course, grade: { scale: 'percent', value: String(60 + (n % 40)) }, identityVerified: true, completedOn: '2026-05-20' },
    learnerRecordOf(events),
  );
  const event: NewEvent = { id: uuidv7(), type: decided.type, occurredAt: new Date().toISOString(), schemaVersion: 1, data: decided.data, metadata: { correlationId: uuidv7(), causationId: null, actor } };
  return { stream, event, revision: events[events.length - 1].revision };
}

interface LagFixture {
  store: SqliteEventStore;
  withProgress: string[];
  others: string[];
}

/** APPENDS single-event appends at INTERVAL_MS; for each, the append latency and the time from its resolving to `waitFor` resolving. */
async function measureLag({ store, withProgress, others }: LagFixture, projector: ReadModelProjector, from: number, appends = APPENDS): Promise<{ appendMs: number[]; lagMs: number[] }> {
  const appendMs: number[] = [];
  const lagMs: number[] = [];
  const visible: Promise<void>[] = [];
  for (let n = from; n < from + appends; n += 1) {
    const learners = n % 2 === 0 ? withProgress : others;
    const { stream, event, revision } = await completionFor(store, learners[Math.floor(n / 2) % learners.length], n);
    const start = nowMs();
    const { positions } = await store.append(stream, [event], revision);
    const appended = nowMs();
    appendMs.push(appended - start);
    visible.push(projector.waitFor(positions[0], 10_000).then(() => void lagMs.push(nowMs() - appended)));
    await sleep(INTERVAL_MS);
  }
  await Promise.all(visible);
  return { appendMs: appendMs.sort((a, b) => a - b), lagMs: lagMs.sort((a, b) => a - b) };
}

function lagRow(measure: string, sortedLag: number[]): Row {
  return {
    measure,
    samples: sortedLag.length,
    'p50 ms': percentile(sortedLag, 50),
    'p99 ms': percentile(sortedLag, 99),
    'max ms': sortedLag[sortedLag.length - 1],
    target: `p99 <= ${TARGET_P99_MS} ms`,
    met: percentile(sortedLag, 99) <= TARGET_P99_MS ? 'yes' : 'NO',
  };
}

/**
 * Append-to-visible lag on the embedded default: a SQLite store (synchronous=FULL, as served) and
 * the embedded projector, over a synthetic log already projected. Single-event appends
 * (completions, half of them for learners with progress rows, which re-evaluates them) at a
 * modest rate; for each, the time from `append` resolving to `projector.waitFor(position)`
 * resolving, next to the bare append latency. Measured with the projector on this thread
 * (EmbeddedProjector), then on a worker thread as `npm start` runs it (WorkerThreadProjector,
 * resuming from the same checkpoint, after a warm-up of WORKER_WARM_UP appends that are not counted:
 * the thread's projector is warm from the catch-up, a fresh worker is not).
 */
export async function benchEmbeddedLag(dir: string): Promise<Row[]> {
  const storeFile = join(dir, 'lag-events.sqlite');
  const store = new SqliteEventStore(storeFile, 'FULL');
  const options: ReadModelOptions = { kind: 'sqlite', file: join(dir, 'lag-read-models.sqlite') };
  const db = createReadModelDataSource(options);
  await migrateReadModels(db, options);
  const projector = new EmbeddedProjector(store, db, { batchSize: 500 });
  const worker = new WorkerThreadProjector(store, { store: { kind: 'sqlite', path: storeFile, synchronous: 'FULL' }, readModel: options, batchSize: 500 });
  try {
    const log = await generateSyntheticLog(store, { learners: 2000, seed: 9, concurrency: 32 });
    await projector.start();
    await projector.waitFor(log.head, 120_000);
    const withProgress = ((await db.query('SELECT learner_id AS id FROM rm_progress ORDER BY learner_id')) as { id: string }[]).map((r) => r.id);
    const others = ((await db.query('SELECT learner_id AS id FROM rm_learners WHERE learner_id NOT IN (SELECT learner_id FROM rm_progress) ORDER BY learner_id LIMIT 500')) as { id: string }[]).map((r) => r.id);
    const fixture = { store, withProgress, others };
    const inProcess = await measureLag(fixture, projector, 0);
    await projector.stop();
    await worker.start();
    // The thread's projector was warmed up by the catch-up above; the worker starts cold (JIT,
    // first evaluations), so it gets a warm-up of the same appends, not counted, before measuring.
    await measureLag(fixture, worker, APPENDS, WORKER_WARM_UP);
    const onWorker = await measureLag(fixture, worker, APPENDS + WORKER_WARM_UP);
    const sortedAppend = inProcess.appendMs;
    return [
      { measure: 'bare append (baseline), SQLite FULL', samples: sortedAppend.length, 'p50 ms': percentile(sortedAppend, 50), 'p99 ms': percentile(sortedAppend, 99), 'max ms': sortedAppend[sortedAppend.length - 1], target: '', met: '' },
      lagRow('append resolved -> read models show it (EmbeddedProjector, this thread)', inProcess.lagMs),
      lagRow('append resolved -> read models show it (WorkerThreadProjector, as npm start)', onWorker.lagMs),
    ];
  } finally {
    await projector.stop();
    await worker.stop();
    await db.destroy();
    await store.close();
  }
}
