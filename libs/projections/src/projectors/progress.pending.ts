import { DataSource, EntityManager } from 'typeorm';
import { ProgressRow } from '../read-model/entities';
import { preparedOn, sqliteConnectionOf } from '../runtime/bulk-sqlite';
import { bulkWrite } from '../runtime/bulk-write';
import { ProgressPair, ProjectionBatch } from '../runtime/projection-batch';
import { unevaluatedRow, writeProgressRows } from './progress.writer';

/** Status of a progress row whose inputs changed since it was last evaluated (deferred evaluation). */
export const PENDING_PROGRESS = 'pending';

const CHUNK = 500;
/** Pending rows evaluated per transaction by `evaluatePendingProgress`. */
const EVALUATION_CHUNK = 2000;

/**
 * End of a batch, instead of `reevaluateProgress` (rebuilds): the progress rows whose inputs
 * changed are only marked 'pending', in the batch's transaction, and the new pairs written as
 * pending rows. Nothing is evaluated, so a learner whose events span many batches is evaluated once,
 * by `evaluatePendingProgress`, from the final inputs. A row is a function of its stored inputs
 * (reference date: the day the latest of them was recorded), so that gives the rows the
 * per-batch evaluation ends with. The marks are durable with the checkpoint: a projection killed
 * after this batch still knows which rows wait.
 */
export async function markProgressPending(batch: ProjectionBatch): Promise<void> {
  const fresh = [...batch.newPairs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, pair]) => unevaluatedRow(pair, PENDING_PROGRESS));
  await bulkWrite(batch.manager, ProgressRow, fresh, 'upsert');
  const marks: [keyof ProgressRow & string, Set<string>][] = [
    ['learnerId', batch.changedLearners],
    ['programId', batch.changedPrograms],
    ['institutionId', batch.changedInstitutions],
  ];
  for (const [column, values] of marks) await markWhere(batch.manager, column, [...values]);
}

async function markWhere(manager: EntityManager, column: keyof ProgressRow & string, values: string[]): Promise<void> {
  const metadata = manager.connection.getMetadata(ProgressRow);
  const driver = manager.connection.driver;
  const sqlite = sqliteConnectionOf(manager);
  const name = driver.escape(metadata.findColumnWithPropertyName(column)?.databaseName ?? column);
  const status = driver.escape(metadata.findColumnWithPropertyName('status')?.databaseName ?? 'status');
  const table = metadata.tablePath.split('.').map((part) => driver.escape(part)).join('.');
  for (let start = 0; start < values.length; start += CHUNK) {
    const chunk = values.slice(start, start + CHUNK);
    const placeholders = chunk.map((_, i) => (sqlite ? '?' : `$${i + 2}`)).join(', ');
    const sql = `UPDATE ${table} SET ${status} = ${sqlite ? '?' : '$1'} WHERE ${name} IN (${placeholders}) AND ${status} <> ${sqlite ? '?' : '$1'}`;
    if (sqlite) preparedOn(sqlite, sql).run([PENDING_PROGRESS, ...chunk, PENDING_PROGRESS]);
    else await manager.query(sql, [PENDING_PROGRESS, ...chunk]);
  }
}

export interface PendingEvaluationOptions {
  /** Rows per transaction. Default 2000. */
  chunkSize?: number;
  /** Called first with the number of rows pending (counted only when this is given). */
  onStart?: (pending: number) => void;
  /** Called after each committed chunk with the rows evaluated so far. */
  onChunk?: (evaluated: number) => void;
}

/**
 * Evaluates every pending progress row from the stored inputs, a chunk per transaction, until none
 * is left (killed half-way, the rows not yet written are still pending: running it again finishes).
 * Returns how many rows it evaluated.
 */
export async function evaluatePendingProgress(db: DataSource, options: PendingEvaluationOptions = {}): Promise<number> {
  const chunkSize = options.chunkSize ?? EVALUATION_CHUNK;
  if (options.onStart) options.onStart(await db.manager.countBy(ProgressRow, { status: PENDING_PROGRESS }));
  let evaluated = 0;
  for (;;) {
    const n = await db.transaction(async (manager) => {
      const pairs: ProgressPair[] = await manager.find(ProgressRow, {
        select: { learnerId: true, programId: true, institutionId: true },
        where: { status: PENDING_PROGRESS },
        order: { learnerId: 'ASC', programId: 'ASC' },
        take: chunkSize,
      });
      await writeProgressRows(manager, pairs);
      return pairs.length;
    });
    evaluated += n;
    if (n > 0) options.onChunk?.(evaluated);
    if (n < chunkSize) return evaluated;
  }
}
