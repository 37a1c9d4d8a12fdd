import { rmSync } from 'node:fs';
import { createReadModelDataSource, EligibilityInputs, evaluateEligibility, ProgressRow } from '@app/projections';
import { sqliteConnectionOf } from '../../libs/projections/src/runtime/bulk-sqlite';
import { EligibilityInputsLoader, eligibilityInputsOf } from '../../libs/projections/src/eligibility/eligibility-inputs.loader';
import { nowMs } from '../lib/report';

export interface RebuildFloor {
  /** Writing the rebuilt read models' bytes once: VACUUM INTO a new file (SQLite's own sequential copy). */
  writeOnceMs: number;
  /** The engine alone on every progress row, its inputs already loaded and parsed. */
  engineMs: number;
  pairs: number;
  bytes: number;
}

/**
 * What no rebuild of these read models can go below on this machine, next to the rebuild in the
 * same run (with the readAll time the caller measured): writing the rebuilt file's bytes once
 * and the requirement engine's evaluation of each progress row. It leaves out everything else a
 * rebuild does (folding the events, building and inserting the rows, transactions, the switch),
 * so it is a bound, not a design.
 */
export async function measureRebuildFloor(liveFile: string): Promise<RebuildFloor> {
  const db = createReadModelDataSource({ kind: 'sqlite', file: liveFile }, 'writer');
  await db.initialize();
  const copy = `${liveFile}.floor`;
  try {
    const sqlite = sqliteConnectionOf(db.manager);
    if (!sqlite) throw new Error('the floor is measured on SQLite read models');
    rmSync(copy, { force: true });
    const written = nowMs();
    sqlite.exec(`VACUUM INTO '${copy.replace(/'/g, "''")}'`);
    const writeOnceMs = nowMs() - written;
    const bytes = (sqlite.pragma('page_count', { simple: true }) as number) * (sqlite.pragma('page_size', { simple: true }) as number);
    const pairs = await db.manager.find(ProgressRow, { select: { learnerId: true, programId: true } });
    const loader = new EligibilityInputsLoader(db.manager);
    await loader.preload(pairs.map((p) => p.learnerId));
    const inputs: EligibilityInputs[] = [];
    for (const pair of pairs) {
      const result = await loader.load(pair.learnerId, pair.programId);
      if (result.ok) inputs.push(eligibilityInputsOf(result.loaded, result.loaded.lastRecordedAt.slice(0, 10)));
    }
    const evaluated = nowMs();
    for (const input of inputs) evaluateEligibility(input);
    return { writeOnceMs, engineMs: nowMs() - evaluated, pairs: inputs.length, bytes };
  } finally {
    await db.destroy();
    rmSync(copy, { force: true });
  }
}
