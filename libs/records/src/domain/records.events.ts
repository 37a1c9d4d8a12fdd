import { COURSE_EVENT_TYPES, CourseEvent } from './course.events';
import { CREDENTIAL_DEFINITION_EVENT_TYPES, CredentialDefinitionEvent } from './credential-definition.events';
import { LEARNER_EVENT_TYPES, LearnerEvent } from './learner.events';

/** Every event the records context writes (course, credential-definition and learner streams). */
export type RecordsEvent = CourseEvent | CredentialDefinitionEvent | LearnerEvent;
export type RecordsEventType = RecordsEvent['type'];

export const RECORDS_EVENT_TYPES: readonly RecordsEventType[] = [...COURSE_EVENT_TYPES, ...CREDENTIAL_DEFINITION_EVENT_TYPES, ...LEARNER_EVENT_TYPES];

/** Narrows a stored event ({ type, data }) to a records event by its type. */
export function isRecordsEvent(event: { type: string; data: unknown }): event is RecordsEvent {
  return (RECORDS_EVENT_TYPES as readonly string[]).includes(event.type);
}
