import { CourseDefinition, CourseEvent, LearnerEvent } from '../src';

export const MITX = { institutionId: 'mitx', role: 'issuer' };
export const GTX = { institutionId: 'gtx', role: 'issuer' };
export const LEARNER = '6f1c1c8e-8a1d-4d4f-9a43-0d7c7e0b1a11';

export const sc0x: CourseDefinition = {
  courseId: 'mitx-ctl.sc0x',
  issuerId: 'mitx',
  title: 'Supply Chain Analytics',
  credits: '4',
  unit: 'US_SEMESTER',
  eqfLevel: 7,
  field: 'supply-chain',
  tags: ['core'],
  assessmentType: 'proctored-exam',
};
export const gtxCourse: CourseDefinition = { ...sc0x, courseId: 'gtx-isye6501x', issuerId: 'gtx', title: 'Analytics Modeling', unit: 'US_QUARTER', credits: '4.5' };

export const courseDefined = (course: CourseDefinition): CourseEvent => ({ type: 'CourseDefined', data: course });

export const registered: LearnerEvent = { type: 'LearnerRegistered', data: { learnerId: LEARNER, registeredBy: 'mitx', externalRefHash: null } };

export const enrolled = (enrollmentId: string, course: CourseDefinition = sc0x): LearnerEvent => ({
  type: 'EnrollmentRecorded',
  data: { learnerId: LEARNER, enrollmentId, courseId: course.courseId, issuerId: course.issuerId, courseTitle: course.title, term: '2025T1', enrolledOn: '2025-01-10' },
});

export const completed = (completionId: string, course: CourseDefinition = sc0x, overrides: Partial<LearnerEvent['data']> = {}): LearnerEvent =>
  ({
    type: 'CompletionRecorded',
    data: {
      learnerId: LEARNER,
      completionId,
      enrollmentId: null,
      courseId: course.courseId,
      issuerId: course.issuerId,
      courseTitle: course.title,
      credits: course.credits,
      unit: course.unit,
      eqfLevel: course.eqfLevel,
      field: course.field,
      tags: course.tags,
      grade: { scale: 'percent', value: '86' },
      assessmentType: course.assessmentType,
      identityVerified: true,
      completedOn: '2025-05-20',
      inResidence: false,
      ...overrides,
    },
  }) as LearnerEvent;
