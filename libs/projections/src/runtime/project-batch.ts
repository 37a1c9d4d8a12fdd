import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@app/event-store';
import { rewriteLedger } from '../projectors/ledger.writer';
import { projectEvent } from '../projectors/project-event';
import { reevaluateProgress } from '../projectors/progress.writer';
import { ProjectionBatch } from './projection-batch';

/**
 * Applies events to every read model inside the caller's transaction: the rows the events read
 * are loaded up front (a few `IN` queries), each event goes to its stream's projector, then the
 * changed rows are written, the ledger rows of re-decided requests replaced, and the progress rows
 * whose inputs changed re-evaluated. The caller commits this together with its checkpoint
 * (embedded) or inbox rows (Kafka).
 */
export async function projectBatch(manager: EntityManager, events: readonly RecordedEvent[]): Promise<ProjectionBatch> {
  const batch = new ProjectionBatch(manager);
  await batch.preload(events);
  for (const event of events) await projectEvent(event, batch);
  await batch.flushRows();
  await rewriteLedger(batch);
  await reevaluateProgress(batch);
  return batch;
}
