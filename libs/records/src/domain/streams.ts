/** Stream names of the records context: `<aggregate>-<id>` (event-store stream name rules). */
export const LEARNER_STREAM_PREFIX = 'learner-';
export const COURSE_STREAM_PREFIX = 'course-';
/** A credential program's published definitions, by its code (codes are global, like course ids). */
export const CREDENTIAL_DEFINITION_STREAM_PREFIX = 'credentialdef-';

export const learnerStream = (learnerId: string): string => `${LEARNER_STREAM_PREFIX}${learnerId}`;
export const courseStream = (courseId: string): string => `${COURSE_STREAM_PREFIX}${courseId}`;
export const credentialDefinitionStream = (code: string): string => `${CREDENTIAL_DEFINITION_STREAM_PREFIX}${code}`;

/** The learner id of a learner stream, or null for any other stream. */
export function learnerIdOfStream(stream: string): string | null {
  return stream.startsWith(LEARNER_STREAM_PREFIX) ? stream.slice(LEARNER_STREAM_PREFIX.length) : null;
}

/** The course id of a course stream, or null for any other stream. */
export function courseIdOfStream(stream: string): string | null {
  return stream.startsWith(COURSE_STREAM_PREFIX) ? stream.slice(COURSE_STREAM_PREFIX.length) : null;
}
