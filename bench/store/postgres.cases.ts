import { Pool } from 'pg';
import { PostgresEventStore } from '@app/event-store';
import { postgresSchema } from '@app/event-store/postgres/postgres-schema';
import { Row, timed } from '../lib/report';
import { completionEvent, rawRow } from './bench-events';
import { row } from './sqlite.cases';
import { StoreBenchSizes } from './sizes';

const COLUMNS = 'id, stream, revision, type, occurred_at, recorded_at, schema_version, data, metadata, previous_hash, hash';

function values(r: ReturnType<typeof rawRow>): unknown[] {
  return [r.id, r.stream, r.revision, r.type, r.occurredAt, r.recordedAt, r.schemaVersion, r.data, r.metadata, r.previousHash, r.hash];
}

/** PostgreSQL: the store against plain `pg` INSERT/SELECT on the same table definition and server. */
export async function benchPostgres(url: string, sizes: StoreBenchSizes): Promise<Row[]> {
  const suffix = Date.now().toString(36);
  const rawSchema = `bench_raw_${suffix}`;
  const storeSchema = `bench_store_${suffix}`;
  const pool = new Pool({ connectionString: url, max: 2 });
  await pool.query(postgresSchema(rawSchema));
  const store = await PostgresEventStore.connect({ connectionString: url, schema: storeSchema });
  const insert = `INSERT INTO ${rawSchema}.events (${COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`;
  const streams = 100;
  const revisions = new Array<number>(streams).fill(-1);
  try {
    const rawSingle = await timed(async () => {
      for (let i = 0; i < sizes.single; i += 1) {
        await pool.query(insert, values(rawRow(completionEvent(i), `s-${i % streams}`, Math.floor(i / streams))));
      }
    });
    const storeSingle = await timed(async () => {
      for (let i = 0; i < sizes.single; i += 1) {
        const s = i % streams;
        const result = await store.append(`s-${s}`, [completionEvent(i)], revisions[s] < 0 ? 'no-stream' : revisions[s]);
        revisions[s] = result.nextExpectedRevision;
      }
    });
    const rawBatch = await timed(async () => {
      for (let b = 0; b < sizes.batches; b += 1) {
        const rows = Array.from({ length: 100 }, (_, i) => rawRow(completionEvent(i), `b-${b}`, i));
        const placeholders = rows.map((_, r) => `(${Array.from({ length: 11 }, (_, c) => `$${r * 11 + c + 1}`).join(',')})`);
        await pool.query(`INSERT INTO ${rawSchema}.events (${COLUMNS}) VALUES ${placeholders.join(',')}`, rows.flatMap(values));
      }
    });
    const storeBatch = await timed(async () => {
      for (let b = 0; b < sizes.batches; b += 1) {
        await store.append(`b-${b}`, Array.from({ length: 100 }, (_, i) => completionEvent(i)), 'no-stream');
      }
    });
    const total = sizes.single + sizes.batches * 100;
    let rawCount = 0;
    const rawRead = await timed(async () => {
      const { rows } = await pool.query(`SELECT * FROM ${rawSchema}.events ORDER BY position`);
      rawCount = rows.length;
    });
    let storeCount = 0;
    const storeRead = await timed(async () => {
      for await (const event of store.readAll({ batchSize: 1000 })) if (event) storeCount += 1;
    });
    if (rawCount !== total || storeCount !== total) throw new Error(`read ${rawCount}/${storeCount}, expected ${total}`);
    return [
      row('postgres', 'append, 1 event per command', sizes.single, rawSingle, storeSingle),
      row('postgres', 'append, batches of 100', sizes.batches * 100, rawBatch, storeBatch),
      row('postgres', 'read all (raw: one SELECT; store: pages of 1000)', total, rawRead, storeRead),
    ];
  } finally {
    await store.close();
    await pool.query(`DROP SCHEMA IF EXISTS ${rawSchema} CASCADE; DROP SCHEMA IF EXISTS ${storeSchema} CASCADE`);
    await pool.end();
  }
}
