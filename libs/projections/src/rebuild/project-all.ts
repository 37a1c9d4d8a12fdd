import { DataSource } from 'typeorm';
import { EventStore, RecordedEvent } from '@app/event-store';
import { evaluatePendingProgress, PendingEvaluationOptions } from '../projectors/progress.pending';
import { advanceCheckpoint, readCheckpoint } from '../runtime/checkpoint';
import { projectBatch, ProjectBatchOptions } from '../runtime/project-batch';

export interface ProjectAllOptions {
  /** Events per transaction. Default 1000. */
  batchSize?: number;
  /** Stop after this position (default: the head when the call starts). */
  upTo?: number;
  /** Called after each committed batch with the checkpoint reached and the events applied so far. */
  onBatch?: (checkpoint: number, applied: number) => void;
  /**
   * 'deferred' (rebuilds into a copy nobody reads yet): progress rows are marked pending in each
   * batch and evaluated once after the last one, before this returns; in between, the committed
   * read models are NOT those of a projection up to their checkpoint. Default 'per-batch'.
   */
  progress?: ProjectBatchOptions['progress'];
  /** Deferred progress: rows per transaction of the final evaluation, and a callback after each. */
  deferred?: PendingEvaluationOptions;
}

/**
 * Catches the read models in `db` up with the store, from their stored checkpoint to `upTo`:
 * batches read in global order, each applied together with its checkpoint in one transaction.
 * Killing the process at any point loses at most the batch in flight; running it again resumes
 * (with deferred progress, it also finishes the evaluation of the rows still pending).
 */
export async function projectAll(store: EventStore, db: DataSource, options: ProjectAllOptions = {}): Promise<{ checkpoint: number; applied: number }> {
  const batchSize = options.batchSize ?? 1000;
  const upTo = options.upTo ?? (await store.headPosition());
  const batchOptions: ProjectBatchOptions = { progress: options.progress };
  let checkpoint = await readCheckpoint(db.manager);
  let applied = 0;
  let batch: RecordedEvent[] = [];
  const commit = async () => {
    const events = batch;
    batch = [];
    const to = events[events.length - 1].position;
    await db.transaction((manager) => advanceCheckpoint(manager, checkpoint, to, async () => void (await projectBatch(manager, events, batchOptions))));
    checkpoint = to;
    applied += events.length;
    options.onBatch?.(checkpoint, applied);
  };
  if (checkpoint < upTo) {
    for await (const event of store.readAll({ after: checkpoint, upTo, batchSize })) {
      batch.push(event);
      if (batch.length >= batchSize) await commit();
    }
    if (batch.length > 0) await commit();
  }
  if (options.progress === 'deferred') await evaluatePendingProgress(db, options.deferred);
  return { checkpoint, applied };
}
