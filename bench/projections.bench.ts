/**
 * `npm run bench:projections`: the read side, each figure next to a baseline measured in the
 * same run:
 * - rebuild rate: projectAll from a >= 100k-event synthetic log into a fresh SQLite file, next to
 *   store.readAll of the same log;
 * - append-to-visible lag with the embedded projector, next to the bare append latency;
 * - eligibility query throughput over HTTP (server in its own process), next to GET /health.
 * Over-Kafka lag (distributed mode) is measured separately (its slot is printed, not filled).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printTable } from './lib/report';
import { benchEligibilityHttp } from './projections/eligibility-http';
import { benchEmbeddedLag } from './projections/embedded-lag';
import { benchRebuildRate } from './projections/rebuild-rate';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-projections-'));
  try {
    printTable('Rebuild rate on SQLite (projectAll into a fresh read-model file vs reading the same log)', await benchRebuildRate(dir));
    printTable('Append-to-visible lag, embedded (SQLite store + the embedded projector in one process: on this thread, then on a worker thread)', await benchEmbeddedLag(dir));
    printTable('Append-to-visible lag over Kafka (distributed mode)', [{ measure: 'append -> Kafka -> query service read models', status: 'NOT MEASURED HERE: test/distributed.int-spec.ts (npm run test:integration) prints it; all services share one process there' }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable('Eligibility query over HTTP on the embedded default (autocannon; server in its own process)', await benchEligibilityHttp());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
