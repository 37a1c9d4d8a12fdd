import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@app/event-store';
import { rewriteLedger } from '../projectors/ledger.writer';
import { projectEvent } from '../projectors/project-event';
import { markProgressPending } from '../projectors/progress.pending';
import { reevaluateProgress } from '../projectors/progress.writer';
import { ProjectionBatch } from './projection-batch';

export interface ProjectBatchOptions {
  /**
   * 'per-batch' (default): the progress rows whose inputs changed are re-evaluated at the end of
   * the batch. 'deferred' (rebuilds): they are only marked pending in the batch's transaction;
   * `evaluatePendingProgress` evaluates them once, later (the read models are not complete before).
   */
  progress?: 'per-batch' | 'deferred';
}

/**
 * Applies events to every read model inside the caller's transaction: the rows the events read
 * are loaded up front (a few `IN` queries), each event goes to its stream's projector, then the
 * changed rows are written, the ledger rows of re-decided requests replaced, and the progress rows
 * whose inputs changed re-evaluated (or marked pending). The caller commits this together with its
 * checkpoint (embedded) or inbox rows (Kafka).
 */
export async function projectBatch(manager: EntityManager, events: readonly RecordedEvent[], options: ProjectBatchOptions = {}): Promise<ProjectionBatch> {
  const batch = new ProjectionBatch(manager);
  await batch.preload(events);
  for (const event of events) await projectEvent(event, batch);
  await batch.flushRows();
  await rewriteLedger(batch);
  if (options.progress === 'deferred') await markProgressPending(batch);
  else await reevaluateProgress(batch);
  return batch;
}
