import { RecordedEvent } from '@app/event-store';
import { evolveLearnerRecord, learnerIdOfStream } from '@app/records';
import { ProjectionBatch } from '../runtime/projection-batch';

/** learner-<id>: the folded learner record (the records context's own evolve); re-evaluates the learner's progress rows. */
export async function projectLearnerEvent(event: RecordedEvent, batch: ProjectionBatch): Promise<void> {
  const learnerId = learnerIdOfStream(event.stream);
  if (learnerId === null) return;
  const { state } = await batch.learners.get(batch.manager, learnerId, { learnerId });
  const record = evolveLearnerRecord(state, event);
  batch.learners.set(learnerId, { learnerId, record: '', revision: event.revision, lastPosition: event.position, lastRecordedAt: event.recordedAt }, record);
  batch.changedLearners.add(learnerId);
}
