/**
 * Value types shared by the records aggregates. Plain JSON only: credits, grades and workloads
 * travel as decimal strings ("4", "2.5", "87.5"), dates as YYYY-MM-DD, absent values as null.
 */
import { refuse } from '@app/kernel';
import { ASSESSMENT_TYPES, AssessmentType } from '@app/requirements';

/** Credit units an issuer may declare (DOMAIN.md). */
export const CREDIT_UNITS = ['ECTS', 'US_SEMESTER', 'US_QUARTER', 'UK_CATS'] as const;
export type CreditUnit = (typeof CREDIT_UNITS)[number];

/** The assessment vocabulary is the definition languages' (libs/requirements), so records and rules agree. */
export { ASSESSMENT_TYPES };
export type { AssessmentType };

/** percent: "0".."100"; letter: A+..F; pass-fail: P/F/pass/fail; numeric-4: "0".."4" (GPA points). */
export const GRADE_SCALES = ['percent', 'letter', 'pass-fail', 'numeric-4'] as const;
export type GradeScale = (typeof GRADE_SCALES)[number];
export type Grade = { scale: GradeScale; value: string };

export const LETTER_GRADES = ['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F'] as const;
export const PASS_FAIL_GRADES = ['P', 'F', 'pass', 'fail'] as const;

export const CREDENTIAL_TYPES = ['MicroMasters', 'professional-certificate', 'microdegree', 'digital-badge', 'XSeries', 'micro-credential'] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

export const PARTICIPATION_FORMS = ['online', 'onsite', 'blended'] as const;
export type ParticipationForm = (typeof PARTICIPATION_FORMS)[number];

export const STACKABILITY = ['stand-alone', 'stackable'] as const;
export type Stackability = (typeof STACKABILITY)[number];

/** Who issued a command, as the decider sees it (from the authenticated principal). */
export interface ActorRef {
  institutionId: string;
  role: string;
}

/** An amount of credit in a declared unit, e.g. { credits: "4", unit: "US_SEMESTER" }. */
export type Workload = {
  credits: string;
  unit: CreditUnit;
  /** The ECTS equivalent under the default conversion table (exact, e.g. "8" or "4/3"); null if unknown. */
  ects: string | null;
};

export const DECIMAL = /^(0|[1-9][0-9]{0,5})(\.[0-9]{1,4})?$/;
export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Positive decimal string ("4", "2.5"); refuses 0 and anything else with the field's path. */
export function assertCredits(value: string, path: string): void {
  if (!DECIMAL.test(value) || Number(value) <= 0) throw refuse.invalid('invalid-credits', `credits must be a positive decimal string, got "${value}"`, path);
}

export function assertDate(value: string, path: string): void {
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw refuse.invalid('invalid-date', `expected a date YYYY-MM-DD, got "${value}"`, path);
}

export function assertEqfLevel(value: number, path: string): void {
  if (!Number.isInteger(value) || value < 1 || value > 8) throw refuse.invalid('invalid-eqf-level', `EQF level must be an integer 1-8, got ${value}`, path);
}

/** The value must be readable on its scale. */
export function assertGrade(grade: Grade, path: string): void {
  const ok = (() => {
    switch (grade.scale) {
      case 'percent':
        return DECIMAL.test(grade.value) && Number(grade.value) <= 100;
      case 'numeric-4':
        return DECIMAL.test(grade.value) && Number(grade.value) <= 4;
      case 'letter':
        return (LETTER_GRADES as readonly string[]).includes(grade.value);
      case 'pass-fail':
        return (PASS_FAIL_GRADES as readonly string[]).includes(grade.value);
      default:
        return false;
    }
  })();
  if (!ok) throw refuse.invalid('invalid-grade', `grade "${grade.value}" is not a valid ${grade.scale} grade`, `${path}/value`);
}

export const sameGrade = (a: Grade, b: Grade): boolean => a.scale === b.scale && a.value === b.value;
