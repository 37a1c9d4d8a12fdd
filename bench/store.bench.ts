/**
 * `npm run bench:store`: event-store throughput next to a raw-driver baseline measured in the
 * same run with the same durability (SQLite WAL with synchronous=FULL, then NORMAL; PostgreSQL as
 * the server is configured). Raw baselines write the same rows (same ids, same JSON) into a table
 * of the same definition (SQLITE_SCHEMA / postgresSchema, same indexes) but do none of the
 * store's work: no validation, no canonical JSON, no hash chain, no revision check; the raw
 * read-all does not JSON.parse. SQLite: raw and store alternate in rounds (see sqlite.cases.ts).
 * PostgreSQL runs when it answers at DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresReachable } from './lib/postgres-reachable';
import { printTable, Row } from './lib/report';
import { benchPostgres } from './store/postgres.cases';
import { benchSqlite } from './store/sqlite.cases';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const scale = Number(process.env.BENCH_SCALE ?? '1');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  const rows: Row[] = [];
  try {
    // Warm-up: JIT, page cache, statement caches.
    await benchSqlite(mkdtempSync(join(dir, 'warm-')), { single: 200, batches: 20 }, 'FULL');
    for (const synchronous of ['FULL', 'NORMAL'] as const) {
      rows.push(...(await benchSqlite(dir, { single: Math.round(2000 * scale), batches: Math.round(1000 * scale) }, synchronous)));
    }
    if (await postgresReachable(url)) {
      await benchPostgres(url, { single: 200, batches: 10 });
      rows.push(...(await benchPostgres(url, { single: Math.round(2000 * scale), batches: Math.round(300 * scale) })));
    } else {
      console.log(`PostgreSQL not reachable at ${url}: PostgreSQL figures NOT measured.`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable('Event store throughput (store vs raw driver, same run, same durability)', rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
