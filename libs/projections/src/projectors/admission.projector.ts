import { RecordedEvent } from '@app/event-store';
import { LearnerAdmitted } from '@app/transfer';
import { ProjectionBatch } from '../runtime/projection-batch';

/** admission-<institution>-<learner>: who is admitted to which program; an admitted learner gets a progress row. */
export async function projectAdmissionEvent(event: RecordedEvent, batch: ProjectionBatch): Promise<void> {
  if (event.type !== 'LearnerAdmitted') return;
  const d = event.data as LearnerAdmitted['data'];
  const key = `${d.institutionId}\u0000${d.learnerId}\u0000${d.programId}`;
  const existing = await batch.admissions.get(batch.manager, key, { institutionId: d.institutionId, learnerId: d.learnerId, programId: d.programId });
  if (!existing) {
    batch.admissions.set({ ...d, eventId: event.id, position: event.position, recordedAt: event.recordedAt });
  }
  batch.pair({ learnerId: d.learnerId, programId: d.programId, institutionId: d.institutionId });
}
