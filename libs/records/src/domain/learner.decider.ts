import { Decider, refuse } from '@app/kernel';
import { CourseDefinition } from './course.events';
import { decideAutoAwards } from './auto-award';
import { decideAward, decideRevoke } from './credential.decisions';
import { decideWithdrawal } from './completion-withdrawal';
import { decidePresentation, decideRecheck } from './verifiable-credential.decisions';
import { CorrectCompletion, LearnerCommand, RecordCompletion, RecordEnrollment } from './learner.commands';
import { CompletionRecorded, CompletionCorrected, EnrollmentRecorded, LearnerEvent } from './learner.events';
import { completionOf, EMPTY_LEARNER_RECORD, enrollmentOf, evolveLearnerRecord, isWithdrawn, LearnerRecord } from './learner-record';
import { ActorRef, assertCredits, assertDate, assertEqfLevel, assertGrade, sameGrade } from './records.values';

/** The course must exist (404) and belong to the acting issuer (403). */
function ownCourse(courseId: string, course: CourseDefinition | null, actor: ActorRef): CourseDefinition {
  if (!course) throw refuse.notFound('course-not-found', `course ${courseId} is not defined`);
  if (course.issuerId !== actor.institutionId) {
    throw refuse.forbidden('not-course-issuer', `course ${courseId} belongs to ${course.issuerId}, not to ${actor.institutionId}`);
  }
  return course;
}

function decideEnrollment(command: RecordEnrollment, record: LearnerRecord): EnrollmentRecorded[] {
  const course = ownCourse(command.courseId, command.course, command.actor);
  if (enrollmentOf(record, command.enrollmentId)) throw refuse.conflict('enrollment-already-recorded', `enrollment ${command.enrollmentId} is already recorded`);
  assertDate(command.enrolledOn, '/enrolledOn');
  const { learnerId, enrollmentId, term, enrolledOn } = command;
  return [{ type: 'EnrollmentRecorded', data: { learnerId, enrollmentId, courseId: course.courseId, issuerId: course.issuerId, courseTitle: course.title, term, enrolledOn } }];
}

function decideCompletion(command: RecordCompletion, record: LearnerRecord): CompletionRecorded[] {
  const course = ownCourse(command.courseId, command.course, command.actor);
  if (completionOf(record, command.completionId)) throw refuse.conflict('completion-already-recorded', `completion ${command.completionId} is already recorded`);
  const enrollmentId = command.enrollmentId ?? null;
  if (enrollmentId !== null) {
    const enrollment = enrollmentOf(record, enrollmentId);
    if (!enrollment) throw refuse.notFound('enrollment-not-found', `learner ${command.learnerId} has no enrollment ${enrollmentId}`);
    if (enrollment.courseId !== course.courseId) {
      throw refuse.invalid('enrollment-course-mismatch', `enrollment ${enrollmentId} is in course ${enrollment.courseId}, not ${course.courseId}`, '/enrollmentId');
    }
  }
  const credits = command.credits ?? course.credits;
  const eqfLevel = command.eqfLevel ?? course.eqfLevel;
  assertCredits(credits, '/credits');
  assertEqfLevel(eqfLevel, '/eqfLevel');
  assertGrade(command.grade, '/grade');
  assertDate(command.completedOn, '/completedOn');
  return [
    {
      type: 'CompletionRecorded',
      data: {
        learnerId: command.learnerId,
        completionId: command.completionId,
        enrollmentId,
        courseId: course.courseId,
        issuerId: course.issuerId,
        courseTitle: course.title,
        credits,
        unit: command.unit ?? course.unit,
        eqfLevel,
        field: command.field ?? course.field,
        tags: [...course.tags],
        grade: { scale: command.grade.scale, value: command.grade.value },
        assessmentType: command.assessmentType ?? course.assessmentType,
        identityVerified: command.identityVerified,
        completedOn: command.completedOn,
        inResidence: command.inResidence ?? false,
      },
    },
  ];
}

/** A regrade: the completion must exist (404), be the actor's (403), not be withdrawn (409), the grade must change (409), not before the completion (400). */
function decideCorrection(command: CorrectCompletion, record: LearnerRecord): CompletionCorrected[] {
  const completion = completionOf(record, command.completionId);
  if (!completion) throw refuse.notFound('completion-not-found', `learner ${command.learnerId} has no completion ${command.completionId}`);
  if (completion.issuerId !== command.actor.institutionId) {
    throw refuse.forbidden('not-completion-issuer', `completion ${command.completionId} was recorded by ${completion.issuerId}`);
  }
  if (isWithdrawn(completion)) throw refuse.conflict('completion-withdrawn', `completion ${command.completionId} was withdrawn; a withdrawn completion cannot be regraded`);
  assertGrade(command.grade, '/grade');
  if (sameGrade(completion.grade, command.grade)) throw refuse.conflict('grade-unchanged', `completion ${command.completionId} already has grade ${command.grade.value}`);
  assertDate(command.correctedOn, '/correctedOn');
  // correctedOn is the date of the body's occurredAt (or today): that is the field to fix.
  if (command.correctedOn < completion.completedOn) {
    throw refuse.invalid('corrected-before-completion', `corrected on ${command.correctedOn}, before the completion on ${completion.completedOn}`, '/occurredAt');
  }
  const { learnerId, completionId, reason, correctedOn } = command;
  return [
    {
      type: 'CompletionCorrected',
      data: { learnerId, completionId, issuerId: completion.issuerId, previousGrade: completion.grade, grade: { scale: command.grade.scale, value: command.grade.value }, reason, correctedOn },
    },
  ];
}

/**
 * Learner aggregate (stream `learner-<learnerId>`): its state is the learner's record, folded
 * by the same function the transfer context reads it with. Every command but RegisterLearner
 * needs a registered learner (404 otherwise); registering twice is a conflict (409).
 */
export const learnerDecider: Decider<LearnerCommand, LearnerRecord, LearnerEvent> = {
  initialState: EMPTY_LEARNER_RECORD,

  decide(command, record) {
    if (command.kind === 'RegisterLearner') {
      if (record.registered) throw refuse.conflict('learner-already-registered', `learner ${command.learnerId} is already registered`);
      return [{ type: 'LearnerRegistered', data: { learnerId: command.learnerId, registeredBy: command.actor.institutionId, externalRefHash: command.externalRefHash } }];
    }
    if (!record.registered) throw refuse.notFound('learner-not-found', `learner ${command.learnerId} is not registered`);
    switch (command.kind) {
      case 'RecordEnrollment':
        return decideEnrollment(command, record);
      case 'RecordCompletion': {
        const recorded = decideCompletion(command, record);
        return [...recorded, ...decideAutoAwards(command, recorded.reduce(evolveLearnerRecord, record))];
      }
      case 'CorrectCompletion':
        return decideCorrection(command, record);
      case 'WithdrawCompletion':
        return decideWithdrawal(command, record);
      case 'AwardCredential':
        return decideAward(command, record);
      case 'RevokeCredential':
        return decideRevoke(command, record);
      case 'PresentVerifiableCredential':
        return decidePresentation(command, record);
      case 'RecheckVerifiableCredential':
        return decideRecheck(command, record);
    }
  },

  evolve: evolveLearnerRecord,
};
