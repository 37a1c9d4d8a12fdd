import { given } from '@app/testing';
import { learnerDecider, RecordCompletion } from '../src';
import { completed, enrolled, GTX, gtxCourse, LEARNER, MITX, registered, sc0x } from './records.fixtures';

const completion = (overrides: Partial<RecordCompletion> = {}): RecordCompletion => ({
  kind: 'RecordCompletion',
  learnerId: LEARNER,
  completionId: 'c1',
  actor: MITX,
  courseId: sc0x.courseId,
  course: sc0x,
  grade: { scale: 'percent', value: '86' },
  identityVerified: true,
  completedOn: '2025-05-20',
  ...overrides,
});

describe('learner decider: registration, enrollments, completions, corrections', () => {
  describe('RegisterLearner', () => {
    it('registers a pseudonymous learner with only a hash of the external reference', () => {
      given(learnerDecider, [])
        .when({ kind: 'RegisterLearner', learnerId: LEARNER, actor: MITX, externalRefHash: 'ab12' })
        .then([{ type: 'LearnerRegistered', data: { learnerId: LEARNER, registeredBy: 'mitx', externalRefHash: 'ab12' } }]);
    });

    it('refuses to register the same learner twice (409)', () => {
      given(learnerDecider, [registered]).when({ kind: 'RegisterLearner', learnerId: LEARNER, actor: GTX, externalRefHash: null }).thenRefuses('conflict', 'learner-already-registered');
    });
  });

  describe('RecordEnrollment', () => {
    const enroll = { kind: 'RecordEnrollment' as const, learnerId: LEARNER, enrollmentId: 'e1', actor: MITX, courseId: sc0x.courseId, course: sc0x, term: '2025T1', enrolledOn: '2025-01-10' };

    it('records an enrollment in one of the issuer’s courses', () => {
      given(learnerDecider, [registered]).when(enroll).then([enrolled('e1')]);
    });
    it('refuses an unknown learner (404)', () => {
      given(learnerDecider, []).when(enroll).thenRefuses('not-found', 'learner-not-found');
    });
    it('refuses an unknown course (404)', () => {
      given(learnerDecider, [registered]).when({ ...enroll, course: null }).thenRefuses('not-found', 'course-not-found');
    });
    it("refuses another issuer's course (403)", () => {
      given(learnerDecider, [registered]).when({ ...enroll, actor: GTX }).thenRefuses('forbidden', 'not-course-issuer');
    });
    it('refuses a repeated enrollment id (409) and a bad date (400)', () => {
      given(learnerDecider, [registered, enrolled('e1')]).when(enroll).thenRefuses('conflict', 'enrollment-already-recorded');
      given(learnerDecider, [registered]).when({ ...enroll, enrolledOn: '2025-13-01' }).thenRefuses('invalid', 'invalid-date');
    });
  });

  describe('RecordCompletion', () => {
    it('records a completion with the course defaults (credits, unit, level, field, assessment, not in residence)', () => {
      given(learnerDecider, [registered]).when(completion()).then([completed('c1')]);
    });

    it('keeps what the issuer states over the defaults, and links the enrollment', () => {
      given(learnerDecider, [registered, enrolled('e1')])
        .when(completion({ enrollmentId: 'e1', credits: '2.5', eqfLevel: 6, field: 'logistics', assessmentType: 'onsite-exam', inResidence: true, identityVerified: false, grade: { scale: 'letter', value: 'B+' } }))
        .then([
          completed('c1', sc0x, {
            enrollmentId: 'e1',
            credits: '2.5',
            eqfLevel: 6,
            field: 'logistics',
            assessmentType: 'onsite-exam',
            inResidence: true,
            identityVerified: false,
            grade: { scale: 'letter', value: 'B+' },
          }),
        ]);
    });

    it('refuses an unknown learner (404)', () => {
      given(learnerDecider, []).when(completion()).thenRefuses('not-found', 'learner-not-found');
    });
    it('refuses an unknown course (404)', () => {
      given(learnerDecider, [registered]).when(completion({ course: null })).thenRefuses('not-found', 'course-not-found');
    });
    it("refuses an issuer recording a completion of another issuer's course (403)", () => {
      given(learnerDecider, [registered]).when(completion({ courseId: gtxCourse.courseId, course: gtxCourse })).thenRefuses('forbidden', 'not-course-issuer');
    });
    it('refuses a repeated completion id (409)', () => {
      given(learnerDecider, [registered, completed('c1')]).when(completion()).thenRefuses('conflict', 'completion-already-recorded');
    });
    it('refuses an unknown enrollment (404) and an enrollment in another course (400)', () => {
      given(learnerDecider, [registered]).when(completion({ enrollmentId: 'e9' })).thenRefuses('not-found', 'enrollment-not-found');
      const other = { ...sc0x, courseId: 'mitx-ctl.sc1x' };
      given(learnerDecider, [registered, enrolled('e1', other)]).when(completion({ enrollmentId: 'e1' })).thenRefuses('invalid', 'enrollment-course-mismatch');
    });
    it.each([
      [{ scale: 'percent' as const, value: '101' }],
      [{ scale: 'letter' as const, value: 'E' }],
      [{ scale: 'pass-fail' as const, value: 'maybe' }],
      [{ scale: 'numeric-4' as const, value: '4.3' }],
    ])('refuses grade %j, unreadable on its scale (400 at /grade/value)', (grade) => {
      const error = given(learnerDecider, [registered]).when(completion({ grade })).thenRefuses('invalid', 'invalid-grade');
      expect(error.details).toEqual({ path: '/grade/value' });
    });
    it('refuses bad credits, level or date (400)', () => {
      given(learnerDecider, [registered]).when(completion({ credits: '-1' })).thenRefuses('invalid', 'invalid-credits');
      given(learnerDecider, [registered]).when(completion({ eqfLevel: 0 })).thenRefuses('invalid', 'invalid-eqf-level');
      given(learnerDecider, [registered]).when(completion({ completedOn: 'yesterday' })).thenRefuses('invalid', 'invalid-date');
    });
  });

  describe('CorrectCompletion', () => {
    const correct = { kind: 'CorrectCompletion' as const, learnerId: LEARNER, completionId: 'c1', actor: MITX, grade: { scale: 'percent' as const, value: '91' }, reason: 'exam re-marked', correctedOn: '2025-06-01' };

    it('regrades a completion, keeping the previous grade in the event', () => {
      given(learnerDecider, [registered, completed('c1')])
        .when(correct)
        .then([
          {
            type: 'CompletionCorrected',
            data: { learnerId: LEARNER, completionId: 'c1', issuerId: 'mitx', previousGrade: { scale: 'percent', value: '86' }, grade: { scale: 'percent', value: '91' }, reason: 'exam re-marked', correctedOn: '2025-06-01' },
          },
        ]);
    });
    it('refuses an unknown learner (404)', () => {
      given(learnerDecider, []).when(correct).thenRefuses('not-found', 'learner-not-found');
    });
    it('refuses a completion that does not exist (404)', () => {
      given(learnerDecider, [registered]).when(correct).thenRefuses('not-found', 'completion-not-found');
    });
    it('refuses a regrade by another issuer (403)', () => {
      given(learnerDecider, [registered, completed('c1')]).when({ ...correct, actor: GTX }).thenRefuses('forbidden', 'not-completion-issuer');
    });
    it('refuses the same grade again (409) and an unreadable grade (400)', () => {
      given(learnerDecider, [registered, completed('c1')]).when({ ...correct, grade: { scale: 'percent', value: '86' } }).thenRefuses('conflict', 'grade-unchanged');
      given(learnerDecider, [registered, completed('c1')]).when({ ...correct, grade: { scale: 'letter', value: 'Z' } }).thenRefuses('invalid', 'invalid-grade');
    });
    it('refuses a regrade dated before the completion (400 naming /occurredAt, the body field that dates it); the same day is fine', () => {
      const error = given(learnerDecider, [registered, completed('c1')]).when({ ...correct, correctedOn: '2025-05-19' }).thenRefuses('invalid', 'corrected-before-completion');
      expect(error.details).toEqual({ path: '/occurredAt' });
      given(learnerDecider, [registered, completed('c1')]).when({ ...correct, correctedOn: '2025-05-20' }).thenMatches([{ type: 'CompletionCorrected', data: { correctedOn: '2025-05-20' } }]);
    });
  });
});
