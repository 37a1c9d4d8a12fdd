/**
 * `npm run bench:projections`: the read side, each figure next to a baseline measured in the
 * same run:
 * - rebuild rate: rebuildReadModels (as `npm run projections:rebuild` runs it) from a >= 100k-event
 *   synthetic log, next to store.readAll of the same log, and the floor under it (readAll + writing
 *   the rebuilt bytes once + the engine alone; rebuild-floor.ts);
 * - append-to-visible lag with the embedded projector, next to the bare append latency;
 * - eligibility query throughput over HTTP (server in its own process), next to GET /health.
 * - append-to-visible lag over Kafka (distributed mode: relay and query service in their own
 *   processes, PostgreSQL store, kcat's mock broker), next to append alone and append -> Kafka ack.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printTable } from './lib/report';
import { benchEligibilityHttp } from './projections/eligibility-http';
import { benchEmbeddedLag } from './projections/embedded-lag';
import { benchKafkaLag } from './projections/kafka-lag';
import { benchRebuildRate } from './projections/rebuild-rate';

/** BENCH_PROJECTIONS_SECTIONS: a comma-separated subset of rebuild,embedded,kafka,http (default: all). */
const SECTIONS = new Set((process.env.BENCH_PROJECTIONS_SECTIONS ?? 'rebuild,embedded,kafka,http').split(',').map((s) => s.trim()));

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-projections-'));
  try {
    if (SECTIONS.has('rebuild')) printTable('Rebuild rate on SQLite (npm run projections:rebuild: fresh copy, deferred progress evaluation, switch; vs reading the same log)', await benchRebuildRate(dir));
    if (SECTIONS.has('embedded')) printTable('Append-to-visible lag, embedded (SQLite store + the embedded projector in one process: on this thread, then on a worker thread)', await benchEmbeddedLag(dir));
    if (SECTIONS.has('kafka')) {
      const kafka = await benchKafkaLag();
      printTable('Append-to-visible lag over Kafka (distributed mode: PostgreSQL store, relay and query service in their own processes)', kafka.rows);
      kafka.notes.forEach((line) => console.log(line));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (SECTIONS.has('http')) printTable('Eligibility query over HTTP on the embedded default (autocannon; server in its own process)', await benchEligibilityHttp());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
