import { DataSource } from 'typeorm';
import { READ_MODEL_ENTITIES } from '../read-model/entities';
import { ReadModelOptions } from '../read-model/read-model.options';

/**
 * Replaces the live read models with rebuilt ones in ONE transaction: readers see the old tables
 * or the new ones, never a mix. The checkpoint moves with them: a running projector notices
 * (CheckpointMovedError) and resumes from the rebuilt checkpoint. `live` is the live writer;
 * `rebuilt` names where the rebuild was written (same kind).
 */
export async function switchReadModels(live: DataSource, liveOptions: ReadModelOptions, rebuilt: ReadModelOptions): Promise<void> {
  const tables = READ_MODEL_ENTITIES.map((e) => live.getMetadata(e).tableName);
  const runner = live.createQueryRunner();
  try {
    if (liveOptions.kind === 'sqlite' && rebuilt.kind === 'sqlite') {
      await runner.query('ATTACH DATABASE ? AS rebuilt', [rebuilt.file]);
      try {
        await copyTables(runner, tables, 'main', 'rebuilt');
      } finally {
        await runner.query('DETACH DATABASE rebuilt');
      }
    } else if (liveOptions.kind === 'postgres' && rebuilt.kind === 'postgres') {
      await copyTables(runner, tables, quote(liveOptions.schema), quote(rebuilt.schema));
    } else {
      throw new Error('a rebuild is switched in on the same kind of database');
    }
  } finally {
    await runner.release();
  }
}

async function copyTables(runner: ReturnType<DataSource['createQueryRunner']>, tables: string[], into: string, from: string): Promise<void> {
  await runner.startTransaction();
  try {
    for (const table of tables) {
      await runner.query(`DELETE FROM ${into}.${quote(table)}`);
      await runner.query(`INSERT INTO ${into}.${quote(table)} SELECT * FROM ${from}.${quote(table)}`);
    }
    await runner.commitTransaction();
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  }
}

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;
