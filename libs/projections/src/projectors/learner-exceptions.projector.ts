import { RecordedEvent } from '@app/event-store';
import { evolveLearnerExceptions, LearnerExceptionEvent } from '@app/transfer';
import { ProjectionBatch } from '../runtime/projection-batch';

/**
 * exceptions-<institution>-<learner>: the learner's exceptions at that institution (the transfer
 * context's evolve). They are inputs of the learner's progress rows: every event evaluates them again.
 */
export async function projectLearnerExceptionEvent(event: RecordedEvent, batch: ProjectionBatch): Promise<void> {
  const d = event.data as { institutionId?: unknown; learnerId?: unknown };
  if (typeof d.institutionId !== 'string' || typeof d.learnerId !== 'string') return;
  const key = { learnerId: d.learnerId, institutionId: d.institutionId };
  const { state } = await batch.learnerExceptions.get(batch.manager, `${key.learnerId}\u0000${key.institutionId}`, key);
  const next = evolveLearnerExceptions(state, { type: event.type, data: event.data } as LearnerExceptionEvent);
  batch.learnerExceptions.set(`${key.learnerId}\u0000${key.institutionId}`, { ...key, state: '', lastPosition: event.position, lastRecordedAt: event.recordedAt }, next);
  batch.changedLearners.add(key.learnerId);
}
