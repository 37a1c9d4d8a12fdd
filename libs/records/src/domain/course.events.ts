import { DomainEvent } from '@app/kernel';
import { AssessmentType, CreditUnit } from './records.values';

/** A course as its issuer defines it; every course event carries the whole definition. */
export type CourseDefinition = {
  courseId: string;
  /** The owning issuer (the institution that defined it); only it may change the course or record on it. */
  issuerId: string;
  title: string;
  /** Credits one completion earns by default, as a decimal string, in `unit`. */
  credits: string;
  unit: CreditUnit;
  /** EQF level 1-8 (6 bachelor, 7 master, 8 doctorate). */
  eqfLevel: number;
  field: string;
  tags: string[];
  /** Default assessment type of its completions. */
  assessmentType: AssessmentType;
};

export type CourseDefined = DomainEvent<'CourseDefined', CourseDefinition>;
/** The full new definition and the names of the fields that changed. */
export type CourseUpdated = DomainEvent<'CourseUpdated', CourseDefinition & { changed: string[] }>;

export type CourseEvent = CourseDefined | CourseUpdated;
export const COURSE_EVENT_TYPES = ['CourseDefined', 'CourseUpdated'] as const;
