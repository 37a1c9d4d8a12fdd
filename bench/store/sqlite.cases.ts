import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { SQLITE_SCHEMA } from '@app/event-store/sqlite/sqlite-schema';
import { rate, Row, timed } from '../lib/report';
import { completionEvent, rawRow } from './bench-events';
import { StoreBenchSizes } from './sizes';

const INSERT = `INSERT INTO events (id, stream, revision, type, occurred_at, recorded_at, schema_version, data, metadata, previous_hash, hash)
  VALUES (@id, @stream, @revision, @type, @occurredAt, @recordedAt, @schemaVersion, @data, @metadata, @previousHash, @hash)`;

/**
 * SQLite: the store against plain better-sqlite3 on the same schema and the same durability
 * (WAL; synchronous=FULL fsyncs every commit, NORMAL fsyncs only at checkpoints).
 */
export async function benchSqlite(dir: string, sizes: StoreBenchSizes, synchronous: 'FULL' | 'NORMAL'): Promise<Row[]> {
  const raw = new Database(join(dir, `raw-${synchronous}.sqlite`));
  raw.pragma('journal_mode = WAL');
  raw.pragma(`synchronous = ${synchronous}`);
  raw.exec(SQLITE_SCHEMA);
  const insert = raw.prepare(INSERT);
  const store = new SqliteEventStore(join(dir, `store-${synchronous}.sqlite`), synchronous);
  const streams = 100;
  const revisions = new Array<number>(streams).fill(-1);

  const rawSingle = await timed(() => {
    for (let i = 0; i < sizes.single; i += 1) insert.run(rawRow(completionEvent(i), `s-${i % streams}`, Math.floor(i / streams)));
  });
  const storeSingle = await timed(async () => {
    for (let i = 0; i < sizes.single; i += 1) {
      const s = i % streams;
      const result = await store.append(`s-${s}`, [completionEvent(i)], revisions[s] < 0 ? 'no-stream' : revisions[s]);
      revisions[s] = result.nextExpectedRevision;
    }
  });

  const insertBatch = raw.transaction((rows: ReturnType<typeof rawRow>[]) => rows.forEach((r) => insert.run(r)));
  const rawBatch = await timed(() => {
    for (let b = 0; b < sizes.batches; b += 1) {
      insertBatch(Array.from({ length: 100 }, (_, i) => rawRow(completionEvent(i), `b-${b}`, i)));
    }
  });
  const storeBatch = await timed(async () => {
    for (let b = 0; b < sizes.batches; b += 1) {
      await store.append(`b-${b}`, Array.from({ length: 100 }, (_, i) => completionEvent(i)), 'no-stream');
    }
  });

  const total = sizes.single + sizes.batches * 100;
  let rawCount = 0;
  const rawRead = await timed(() => {
    for (const row of raw.prepare('SELECT * FROM events ORDER BY position').iterate()) if (row) rawCount += 1;
  });
  let storeCount = 0;
  const storeRead = await timed(async () => {
    for await (const event of store.readAll({ batchSize: 1000 })) if (event) storeCount += 1;
  });
  if (rawCount !== total || storeCount !== total) throw new Error(`read ${rawCount}/${storeCount}, expected ${total}`);
  raw.close();
  await store.close();

  return [
    row(`sqlite ${synchronous}`, 'append, 1 event per command', sizes.single, rawSingle, storeSingle),
    row(`sqlite ${synchronous}`, 'append, batches of 100', sizes.batches * 100, rawBatch, storeBatch),
    row(`sqlite ${synchronous}`, 'read all (streaming, data parsed)', total, rawRead, storeRead),
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
