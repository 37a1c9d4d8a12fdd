import { RecordedEvent } from '@app/event-store';
import { ProjectionBatch } from '../runtime/projection-batch';
import { projectAdmissionEvent } from './admission.projector';
import { projectPolicyEvent, projectProgramEvent } from './catalog.projector';
import { projectHistory } from './history.projector';
import { projectLearnerExceptionEvent } from './learner-exceptions.projector';
import { projectLearnerEvent } from './learner.projector';
import { projectRequestEvent } from './request.projector';

type Projector = (event: RecordedEvent, batch: ProjectionBatch) => Promise<void>;

/** Stream category -> projector. Streams of other categories (courses, access) feed only the history index. */
const PROJECTORS: Record<string, Projector> = {
  learner: projectLearnerEvent,
  program: projectProgramEvent,
  policy: projectPolicyEvent,
  admission: projectAdmissionEvent,
  transfer: projectRequestEvent,
  exceptions: projectLearnerExceptionEvent,
};

export async function projectEvent(event: RecordedEvent, batch: ProjectionBatch): Promise<void> {
  const dash = event.stream.indexOf('-');
  const projector = dash > 0 ? PROJECTORS[event.stream.slice(0, dash)] : undefined;
  if (projector) await projector(event, batch);
  await projectHistory(event, batch);
  batch.lastPosition = Math.max(batch.lastPosition, event.position);
  batch.events += 1;
}
