import { given } from '@app/testing';
import { courseDecider, CourseFields } from '../src';
import { courseDefined, GTX, MITX, sc0x } from './records.fixtures';

const fields: CourseFields = { title: sc0x.title, credits: '4', unit: 'US_SEMESTER', eqfLevel: 7, field: 'supply-chain', tags: ['core', 'core'], assessmentType: 'proctored-exam' };

describe('course decider', () => {
  describe('DefineCourse', () => {
    it('defines a course owned by the acting issuer (tags de-duplicated)', () => {
      given(courseDecider, [])
        .when({ kind: 'DefineCourse', courseId: sc0x.courseId, actor: MITX, course: fields })
        .then([courseDefined(sc0x)]);
    });

    it('refuses an id that is already defined, even by the same issuer (409)', () => {
      given(courseDecider, [courseDefined(sc0x)])
        .when({ kind: 'DefineCourse', courseId: sc0x.courseId, actor: GTX, course: fields })
        .thenRefuses('conflict', 'course-already-defined');
    });

    it('refuses zero credits and an EQF level outside 1-8 (400 with the path)', () => {
      const zero = given(courseDecider, []).when({ kind: 'DefineCourse', courseId: 'c1', actor: MITX, course: { ...fields, credits: '0' } }).thenRefuses('invalid', 'invalid-credits');
      expect(zero.details).toEqual({ path: '/credits' });
      given(courseDecider, []).when({ kind: 'DefineCourse', courseId: 'c1', actor: MITX, course: { ...fields, eqfLevel: 9 } }).thenRefuses('invalid', 'invalid-eqf-level');
    });
  });

  describe('UpdateCourse', () => {
    it('records the full new definition and the changed fields', () => {
      given(courseDecider, [courseDefined(sc0x)])
        .when({ kind: 'UpdateCourse', courseId: sc0x.courseId, actor: MITX, course: { ...fields, credits: '5', title: 'SCM Analytics' } })
        .then([{ type: 'CourseUpdated', data: { ...sc0x, credits: '5', title: 'SCM Analytics', changed: ['title', 'credits'] } }]);
    });

    it('emits nothing when nothing changes', () => {
      given(courseDecider, [courseDefined(sc0x)]).when({ kind: 'UpdateCourse', courseId: sc0x.courseId, actor: MITX, course: fields }).then([]);
    });

    it('folds updates into the state', () => {
      const history = [courseDefined(sc0x), { type: 'CourseUpdated' as const, data: { ...sc0x, credits: '5', changed: ['credits'] } }];
      expect(given(courseDecider, history).state).toEqual({ ...sc0x, credits: '5' });
    });

    it('refuses an unknown course (404)', () => {
      given(courseDecider, []).when({ kind: 'UpdateCourse', courseId: 'nope', actor: MITX, course: fields }).thenRefuses('not-found', 'course-not-found');
    });

    it("refuses another issuer's update (403)", () => {
      given(courseDecider, [courseDefined(sc0x)]).when({ kind: 'UpdateCourse', courseId: sc0x.courseId, actor: GTX, course: fields }).thenRefuses('forbidden', 'not-course-issuer');
    });

    it('refuses invalid credits (400)', () => {
      given(courseDecider, [courseDefined(sc0x)]).when({ kind: 'UpdateCourse', courseId: sc0x.courseId, actor: MITX, course: { ...fields, credits: 'x' } }).thenRefuses('invalid', 'invalid-credits');
    });
  });
});
