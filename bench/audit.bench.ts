/**
 * `npm run bench:audit`: log verification (every stream's hash chain + the global digest) next to
 * a raw `store.readAll` of the same log, in the same run, on SQLite and PostgreSQL. Target: the
 * verification runs at ≥ 0.5× the read rate (hashing must not dominate reading).
 * BENCH_AUDIT_EVENTS sets the log size (default 100,000 events of ~1 KB).
 * PostgreSQL runs when it answers at DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).
 * Then: as-of eligibility latency for a learner with 200 events, next to the current answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, PostgresEventStore, SqliteEventStore } from '@app/event-store';
import { verifyLog } from '@app/audit';
import { postgresReachable } from './lib/postgres-reachable';
import { rate, Row, printTable, timed } from './lib/report';
import { generateLog } from './audit/audit-log';
import { asOfEligibilityRows } from './audit/as-of-eligibility';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const total = Number(process.env.BENCH_AUDIT_EVENTS ?? '100000');

async function readAllCount(store: EventStore): Promise<number> {
  let count = 0;
  for await (const event of store.readAll({ batchSize: 1000 })) if (event.position >= 0) count += 1;
  return count;
}

/** Read and verify alternately, twice each (the first pair also warms caches); the better of each. */
async function measure(label: string, store: EventStore, generateMs: number): Promise<Row> {
  let readMs = Infinity;
  let verifyMs = Infinity;
  let events = 0;
  for (let round = 0; round < 2; round += 1) {
    readMs = Math.min(readMs, await timed(async () => void (events = await readAllCount(store))));
    verifyMs = Math.min(verifyMs, await timed(async () => {
      const report = await verifyLog(store, { batchSize: 1000 });
      if (!report.ok || report.checked !== events) throw new Error(`verification failed: ${JSON.stringify(report.firstFault)}`);
    }));
  }
  const readRate = rate(events, readMs);
  const verifyRate = rate(events, verifyMs);
  return {
    store: label,
    events,
    'generate ev/s': rate(events, generateMs),
    'readAll ev/s': readRate,
    'verify ev/s': verifyRate,
    'verify/read': verifyRate / readRate,
    target: verifyRate / readRate >= 0.5 ? '≥0.5 ok' : '<0.5 MISSED',
  };
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'bench-audit-'));
  try {
    const sqlite = new SqliteEventStore(join(dir, 'events.sqlite'), 'NORMAL');
    const generated = await timed(() => generateLog(sqlite, total));
    rows.push(await measure('sqlite', sqlite, generated));
    await sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (await postgresReachable(url)) {
    const schema = `bench_audit_${Date.now().toString(36)}`;
    const pg = await PostgresEventStore.connect({ connectionString: url, schema });
    try {
      const generated = await timed(() => generateLog(pg, total));
      rows.push(await measure('postgres', pg, generated));
    } finally {
      await pg.connection.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pg.close();
    }
  } else {
    console.log(`PostgreSQL not reachable at ${url}: PostgreSQL figures NOT measured.`);
  }
  printTable(`Audit verification vs raw readAll (${total.toLocaleString('en-US')} events of ~1 KB, same run)`, rows);
  printTable('As-of eligibility, learner with 200 events (HTTP, standalone server in its own process, one request at a time; target p99 <= 50 ms)', await asOfEligibilityRows());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
