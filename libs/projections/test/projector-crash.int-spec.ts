import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { createReadModelDataSource, migrateReadModels, projectAll, readCheckpoint, ReadModelOptions } from '@app/projections';
import { runProjectorUntilKilled } from './support/crash-harness';
import { CrashTarget, postgresTarget, sqliteTarget } from './support/crash-targets';
import { Fingerprint, fingerprintReadModels } from './support/read-model-fingerprint';
import { SeededRandom } from './support/seeded-random';
import { generateSyntheticLog } from './support/synthetic-log';

const KILLS = 22;
const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface CrashReport {
  target: string;
  events: number;
  kills: number;
  midCatchUp: number;
  checkpoints: number[];
  seconds: number;
}

async function projected(options: ReadModelOptions, store: SqliteEventStore, upTo?: number): Promise<{ checkpoint: number; fingerprint: Fingerprint }> {
  const db = createReadModelDataSource(options);
  try {
    await migrateReadModels(db, options);
    if (upTo !== undefined) await projectAll(store, db, { batchSize: 1000, upTo });
    return { checkpoint: await readCheckpoint(db.manager), fingerprint: await fingerprintReadModels(db) };
  } finally {
    if (db.isInitialized) await db.destroy();
  }
}

/**
 * The acceptance test: a projector catching up a long log is SIGKILLed at random
 * (seeded) moments, restarted after each kill; after every kill its read models, at whatever
 * checkpoint P they committed, equal a clean projection of the log up to P into a fresh place (a
 * batch and its checkpoint commit together or not at all); at the end it finishes and equals a
 * clean rebuild of the whole log.
 */
async function crashAndCompare(target: CrashTarget, storeFile: string, store: SqliteEventStore, batchSize: number, seed: number): Promise<CrashReport> {
  const started = Date.now();
  const random = new SeededRandom(seed);
  const head = await store.headPosition();
  const checkpoints: number[] = [];
  // Kill points spread over the catch-up: a random position in each of KILLS equal slices of the
  // log, then a random delay (the kill lands anywhere in the batches that follow, mid-transaction or between).
  const slice = head / (KILLS + 1);
  const killPoints = Array.from({ length: KILLS }, (_, i) => ({ checkpointAtLeast: Math.floor(slice * i + random.next() * slice), delayMs: random.int(0, 60) }));
  await target.drop(target.live);
  for (let kill = 1; kill <= KILLS; kill += 1) {
    const outcome = await runProjectorUntilKilled(storeFile, target.live, batchSize, killPoints[kill - 1]);
    if (!outcome.killed) throw new Error(`the projector was to be killed (kill ${kill}) but exited with ${outcome.code}: ${outcome.output}`);
    const live = await projected(target.live, store);
    const reference = target.fresh(kill);
    await target.drop(reference);
    const clean = await projected(reference, store, live.checkpoint);
    await target.drop(reference);
    expect({ kill, checkpoint: clean.checkpoint, readModels: live.fingerprint }).toEqual({ kill, checkpoint: live.checkpoint, readModels: clean.fingerprint });
    checkpoints.push(live.checkpoint);
  }
  const last = await runProjectorUntilKilled(storeFile, target.live, batchSize, null);
  expect(last).toMatchObject({ killed: false, code: 0 });
  const finished = await projected(target.live, store);
  const rebuilt = await projected(target.fresh(0), store, head);
  await target.drop(target.fresh(0));
  await target.drop(target.live);
  expect(finished).toEqual({ checkpoint: head, fingerprint: rebuilt.fingerprint });
  return {
    target: target.name,
    events: head,
    kills: checkpoints.length,
    midCatchUp: checkpoints.filter((p) => p > 0 && p < head).length,
    checkpoints,
    seconds: (Date.now() - started) / 1000,
  };
}

describe('projector crash safety: kill -9 at random points during a long catch-up; after each restart the read models equal a clean projection', () => {
  let dir: string;
  let storeFile: string;
  let store: SqliteEventStore;
  let events: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projector-crash-'));
    storeFile = join(dir, 'events.sqlite');
    store = new SqliteEventStore(storeFile, 'NORMAL');
    events = (await generateSyntheticLog(store, { learners: 4800, seed: 5, concurrency: 16 })).events;
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const expectMidCatchUp = (report: CrashReport) => {
    process.stdout.write(`${JSON.stringify({ ...report, checkpoints: report.checkpoints.join(' ') })}\n`);
    expect(report.kills).toBeGreaterThanOrEqual(20);
    expect(report.midCatchUp).toBeGreaterThanOrEqual(20);
    expect([...report.checkpoints].sort((a, b) => a - b)).toEqual(report.checkpoints);
  };

  it('read models on SQLite (next to the store), projectAll in batches of 100', async () => {
    expect(events).toBeGreaterThan(25_000);
    expectMidCatchUp(await crashAndCompare(sqliteTarget(dir), storeFile, store, 100, 101));
  }, 600_000);

  it('read models on PostgreSQL (a fresh schema per run), projectAll in batches of 100', async () => {
    const prefix = `crash_${process.pid}_${Date.now().toString(36)}`;
    expectMidCatchUp(await crashAndCompare(postgresTarget(POSTGRES_URL, prefix), storeFile, store, 100, 202));
  }, 600_000);
});
