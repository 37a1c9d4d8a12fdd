import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { SQLITE_SCHEMA } from '@app/event-store/sqlite/sqlite-schema';
import { rate, Row, timed } from '../lib/report';
import { completionEvent, rawRow } from './bench-events';
import { StoreBenchSizes } from './sizes';

const COLUMNS = 'id, stream, revision, type, occurred_at, recorded_at, schema_version, data, metadata, previous_hash, hash';
const PLACEHOLDERS = '(?,?,?,?,?,?,?,?,?,?,?)';
/** Raw and store take turns in this many rounds, so a load change on the shared machine hits both. */
const ROUNDS = 5;

type RawRow = ReturnType<typeof rawRow>;
const values = (r: RawRow): unknown[] => [r.id, r.stream, r.revision, r.type, r.occurredAt, r.recordedAt, r.schemaVersion, r.data, r.metadata, r.previousHash, r.hash];

function openRaw(path: string, synchronous: 'FULL' | 'NORMAL'): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(SQLITE_SCHEMA);
  return db;
}

/**
 * SQLite: the store against plain better-sqlite3 on the same schema (SQLITE_SCHEMA, with its
 * UNIQUE(id) and UNIQUE(stream, revision) indexes), the same rows and the same durability (WAL;
 * synchronous=FULL fsyncs every commit, NORMAL fsyncs only at checkpoints). Two raw baselines for
 * batches: one INSERT per row (the plain way), and multi-row INSERTs of 64/32/.../1 rows, which
 * is how the store writes a batch. Raw and store alternate in ROUNDS rounds; times are summed.
 */
export async function benchSqlite(dir: string, sizes: StoreBenchSizes, synchronous: 'FULL' | 'NORMAL'): Promise<Row[]> {
  const raw = openRaw(join(dir, `raw-${synchronous}.sqlite`), synchronous);
  const rawMulti = openRaw(join(dir, `raw-multi-${synchronous}.sqlite`), synchronous);
  const insert = raw.prepare<unknown[]>(`INSERT INTO events (${COLUMNS}) VALUES ${PLACEHOLDERS}`);
  const insertRows = raw.transaction((rows: RawRow[]) => rows.forEach((r) => insert.run(values(r))));
  const multi = new Map<number, Database.Statement<unknown[]>>();
  const multiStatement = (n: number) =>
    multi.get(n) ?? multi.set(n, rawMulti.prepare<unknown[]>(`INSERT INTO events (${COLUMNS}) VALUES ${new Array(n).fill(PLACEHOLDERS).join(',')}`)).get(n)!;
  const insertMulti = rawMulti.transaction((rows: RawRow[]) => {
    for (let at = 0, size = 64; at < rows.length; at += size) {
      while (size > rows.length - at) size >>= 1;
      multiStatement(size).run(rows.slice(at, at + size).flatMap(values));
    }
  });
  const store = new SqliteEventStore(join(dir, `store-${synchronous}.sqlite`), synchronous);
  const streams = 100;
  const revisions = new Array<number>(streams).fill(-1);
  const times = { rawSingle: 0, storeSingle: 0, rawBatch: 0, rawMultiBatch: 0, storeBatch: 0 };
  const batch = (b: number) => Array.from({ length: 100 }, (_, i) => completionEvent(i)).map((e, i) => rawRow(e, `b-${b}`, i));

  for (let round = 0; round < ROUNDS; round += 1) {
    const [from, to] = [Math.floor((sizes.single * round) / ROUNDS), Math.floor((sizes.single * (round + 1)) / ROUNDS)];
    times.rawSingle += await timed(() => {
      for (let i = from; i < to; i += 1) insert.run(values(rawRow(completionEvent(i), `s-${i % streams}`, Math.floor(i / streams))));
    });
    times.storeSingle += await timed(async () => {
      for (let i = from; i < to; i += 1) {
        const s = i % streams;
        const result = await store.append(`s-${s}`, [completionEvent(i)], revisions[s] < 0 ? 'no-stream' : revisions[s]);
        revisions[s] = result.nextExpectedRevision;
      }
    });
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    const [from, to] = [Math.floor((sizes.batches * round) / ROUNDS), Math.floor((sizes.batches * (round + 1)) / ROUNDS)];
    times.rawBatch += await timed(() => {
      for (let b = from; b < to; b += 1) insertRows(batch(b));
    });
    times.rawMultiBatch += await timed(() => {
      for (let b = from; b < to; b += 1) insertMulti(batch(b));
    });
    times.storeBatch += await timed(async () => {
      for (let b = from; b < to; b += 1) {
        await store.append(`b-${b}`, Array.from({ length: 100 }, (_, i) => completionEvent(i)), 'no-stream');
      }
    });
  }

  const total = sizes.single + sizes.batches * 100;
  let rawCount = 0;
  let storeCount = 0;
  let rawRead = 0;
  let storeRead = 0;
  for (let round = 0; round < 2; round += 1) {
    rawRead += await timed(() => {
      for (const row of raw.prepare('SELECT * FROM events ORDER BY position').iterate()) if (row) rawCount += 1;
    });
    // Every event's data and metadata are touched: the store parses them (raw does not).
    storeRead += await timed(async () => {
      for await (const event of store.readAll({ batchSize: 1000 })) if (event.data && event.metadata) storeCount += 1;
    });
  }
  if (rawCount !== 2 * total || storeCount !== 2 * total) throw new Error(`read ${rawCount}/${storeCount}, expected ${2 * total}`);
  raw.close();
  rawMulti.close();
  await store.close();

  const label = `sqlite ${synchronous}`;
  return [
    row(label, 'append, 1 event per command', sizes.single, times.rawSingle, times.storeSingle),
    row(label, 'append, batches of 100 (raw: one INSERT per row)', sizes.batches * 100, times.rawBatch, times.storeBatch),
    row(label, 'append, batches of 100 (raw: multi-row INSERTs)', sizes.batches * 100, times.rawMultiBatch, times.storeBatch),
    row(label, 'read all (raw: SELECT *, no JSON.parse; store: readAll)', 2 * total, rawRead, storeRead),
  ];
}

export function row(store: string, operation: string, events: number, rawMs: number, storeMs: number): Row {
  const storeRate = rate(events, storeMs);
  const rawRate = rate(events, rawMs);
  return {
    store,
    operation,
    events,
    'store events/s': storeRate,
    'raw driver events/s': rawRate,
    'ratio store/raw': Number((storeRate / rawRate).toFixed(2)),
  };
}
