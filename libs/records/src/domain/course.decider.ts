import { Decider, refuse } from '@app/kernel';
import { CourseDefinition, CourseEvent } from './course.events';
import { ActorRef, assertCredits, assertEqfLevel } from './records.values';

/** The fields of a course an issuer chooses (the rest comes from the actor and the URL). */
export type CourseFields = Omit<CourseDefinition, 'courseId' | 'issuerId'>;

export type CourseCommand =
  | { kind: 'DefineCourse'; courseId: string; actor: ActorRef; course: CourseFields }
  | { kind: 'UpdateCourse'; courseId: string; actor: ActorRef; course: CourseFields };

/** null until defined. */
export type CourseState = CourseDefinition | null;

const FIELDS: (keyof CourseFields)[] = ['title', 'credits', 'unit', 'eqfLevel', 'field', 'tags', 'assessmentType'];

function validate(course: CourseFields): void {
  assertCredits(course.credits, '/credits');
  assertEqfLevel(course.eqfLevel, '/eqfLevel');
}

function changedFields(before: CourseDefinition, after: CourseFields): string[] {
  return FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/**
 * Course aggregate (stream `course-<courseId>`). The issuer that defines a course owns it: only
 * that institution may update it (403 otherwise). Defining an existing id is a conflict (409),
 * whoever asks: course ids are global, so issuers prefix them (e.g. "mitx-ctl.sc0x").
 */
export const courseDecider: Decider<CourseCommand, CourseState, CourseEvent> = {
  initialState: null,

  decide(command, state) {
    switch (command.kind) {
      case 'DefineCourse': {
        if (state) throw refuse.conflict('course-already-defined', `course ${command.courseId} is already defined (by ${state.issuerId})`);
        validate(command.course);
        return [{ type: 'CourseDefined', data: { courseId: command.courseId, issuerId: command.actor.institutionId, ...normalized(command.course) } }];
      }
      case 'UpdateCourse': {
        if (!state) throw refuse.notFound('course-not-found', `course ${command.courseId} is not defined`);
        if (state.issuerId !== command.actor.institutionId) {
          throw refuse.forbidden('not-course-issuer', `course ${command.courseId} belongs to ${state.issuerId}`);
        }
        validate(command.course);
        const course = normalized(command.course);
        const changed = changedFields(state, course);
        if (changed.length === 0) return [];
        return [{ type: 'CourseUpdated', data: { courseId: state.courseId, issuerId: state.issuerId, ...course, changed } }];
      }
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'CourseDefined':
        return { ...event.data, tags: [...event.data.tags] };
      case 'CourseUpdated': {
        const { changed: _changed, ...definition } = event.data;
        return { ...definition, tags: [...definition.tags] };
      }
    }
  },
};

/** Only the known fields, tags de-duplicated in order. */
function normalized(course: CourseFields): CourseFields {
  return {
    title: course.title,
    credits: course.credits,
    unit: course.unit,
    eqfLevel: course.eqfLevel,
    field: course.field,
    tags: [...new Set(course.tags)],
    assessmentType: course.assessmentType,
  };
}
