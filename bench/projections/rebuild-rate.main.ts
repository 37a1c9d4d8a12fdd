/** `node -r @swc-node/register bench/projections/rebuild-rate.main.ts`: only the rebuild-rate table of bench:projections. */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { printTable } from '../lib/report';
import { benchRebuildRate } from './rebuild-rate';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-rebuild-'));
  try {
    printTable('Rebuild rate on SQLite', await benchRebuildRate(dir));
    console.log(`load average: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
