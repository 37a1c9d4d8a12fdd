import { DataSource } from 'typeorm';
import { READ_MODEL_ENTITIES } from '../read-model/entities';
import { ReadModelOptions } from '../read-model/read-model.options';
import { PENDING_PROGRESS } from '../projectors/progress.pending';
import { READ_MODELS_PROJECTION } from '../runtime/checkpoint';

export type SwitchResult = { switched: true; checkpoint: number } | { switched: false; liveCheckpoint: number; rebuiltCheckpoint: number };

/**
 * Replaces the live read models with rebuilt ones in ONE transaction: readers see the old tables
 * or the new ones, never a mix. Only forward: when the live projector is already past the
 * rebuild's checkpoint nothing is switched (the caller catches the rebuild up and tries again),
 * so the read models never go back in time. The checkpoint moves with the tables: a running
 * projector notices (CheckpointMovedError) and resumes from it. `live` is the live writer;
 * `rebuilt` names where the rebuild was written (same kind).
 */
export async function switchReadModels(live: DataSource, liveOptions: ReadModelOptions, rebuilt: ReadModelOptions): Promise<SwitchResult> {
  const tables = READ_MODEL_ENTITIES.map((e) => live.getMetadata(e).tableName);
  const runner = live.createQueryRunner();
  try {
    if (liveOptions.kind === 'sqlite' && rebuilt.kind === 'sqlite') {
      await runner.query('ATTACH DATABASE ? AS rebuilt', [rebuilt.file]);
      try {
        return await copyTables(runner, tables, 'main', 'rebuilt', '', sqliteTx(runner));
      } finally {
        await runner.query('DETACH DATABASE rebuilt');
      }
    } else if (liveOptions.kind === 'postgres' && rebuilt.kind === 'postgres') {
      return await copyTables(runner, tables, quote(liveOptions.schema), quote(rebuilt.schema), ' FOR UPDATE', typeormTx(runner));
    }
    throw new Error('a rebuild is switched in on the same kind of database');
  } finally {
    await runner.release();
  }
}

async function copyTables(runner: Runner, tables: string[], into: string, from: string, lock: string, tx: Tx): Promise<SwitchResult> {
  await tx.begin();
  try {
    const liveCheckpoint = await checkpointIn(runner, into, lock);
    const rebuiltCheckpoint = await checkpointIn(runner, from, '');
    if (liveCheckpoint > rebuiltCheckpoint) {
      await tx.rollback();
      return { switched: false, liveCheckpoint, rebuiltCheckpoint };
    }
    if (await hasPendingProgress(runner, from)) throw new PendingProgressError();
    for (const table of tables) {
      await runner.query(`DELETE FROM ${into}.${quote(table)}`);
      await runner.query(`INSERT INTO ${into}.${quote(table)} SELECT * FROM ${from}.${quote(table)}`);
    }
    await tx.commit();
    return { switched: true, checkpoint: rebuiltCheckpoint };
  } catch (error) {
    await tx.rollback();
    throw error;
  }
}

/** The rebuilt read models still have progress rows waiting for their deferred evaluation: they are not complete. */
export class PendingProgressError extends Error {
  constructor() {
    super('the rebuilt read models have progress rows still pending evaluation (an interrupted deferred evaluation): nothing was switched');
    this.name = 'PendingProgressError';
  }
}

async function hasPendingProgress(runner: Runner, schema: string): Promise<boolean> {
  const rows = (await runner.query(`SELECT 1 FROM ${schema}.${quote('rm_progress')} WHERE status = '${PENDING_PROGRESS}' LIMIT 1`)) as unknown[];
  return rows.length > 0;
}

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

async function checkpointIn(runner: Runner, schema: string, lock: string): Promise<number> {
  const rows = (await runner.query(`SELECT position FROM ${schema}.${quote('projection_checkpoints')} WHERE projection = '${READ_MODELS_PROJECTION}'${lock}`)) as { position: string | number }[];
  return rows.length > 0 ? Number(rows[0].position) : -1;
}

type Runner = ReturnType<DataSource['createQueryRunner']>;
type Tx = { begin(): Promise<unknown>; commit(): Promise<unknown>; rollback(): Promise<unknown> };

/** SQLite: take the write lock at BEGIN, so the checkpoint read and the copy see one state. */
const sqliteTx = (runner: Runner): Tx => ({
  begin: () => runner.query('BEGIN IMMEDIATE'),
  commit: () => runner.query('COMMIT'),
  rollback: () => runner.query('ROLLBACK'),
});

const typeormTx = (runner: Runner): Tx => ({
  begin: () => runner.startTransaction(),
  commit: () => runner.commitTransaction(),
  rollback: () => runner.rollbackTransaction(),
});
