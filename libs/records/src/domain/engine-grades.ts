import { fromInt, GradeInput, meetsMinimum, mul, parseRational, toDecimal } from '@app/requirements';
import { Grade } from './records.values';

/** The engine reads percent, letter and pass/fail; a 4-point grade becomes its percent (value x 25, exact). */
export function engineGradeOf(grade: Grade): GradeInput {
  switch (grade.scale) {
    case 'percent':
      return { scale: 'percent', value: grade.value };
    case 'letter':
      return { scale: 'letter', value: grade.value };
    case 'pass-fail':
      return { scale: 'pass-fail', value: grade.value === 'P' || grade.value === 'pass' ? 'P' : 'F' };
    case 'numeric-4':
      return { scale: 'percent', value: toDecimal(mul(parseRational(grade.value), fromInt(25)), 4) };
  }
}

const PASS: GradeInput = { scale: 'pass-fail', value: 'P' };

/**
 * A passed completion, by the requirement engine's own grade table (libs/requirements/src/grades.ts),
 * so that "passed" here is what a recognition policy's pass/fail minimum accepts: a pass (P, pass);
 * a letter at or above the lowest passing letter of the table (D-; F fails); a percent at or above
 * that letter's percent (60); a 4-point grade whose percent (value x 25) reaches it (2.4 and above).
 */
export const isPassingGrade = (grade: Grade): boolean => meetsMinimum(engineGradeOf(grade), PASS);

/** Does `grade` meet `minimum` as the engine compares grades (a pass/fail result never shows a letter or percent minimum)? */
export const meetsGradeMinimum = (grade: Grade, minimum: Grade): boolean => meetsMinimum(engineGradeOf(grade), engineGradeOf(minimum));

/** A grade in words: "85%", "B+", "P", "3.2/4". */
export function describeRecordsGrade(grade: Grade): string {
  switch (grade.scale) {
    case 'percent':
      return `${grade.value}%`;
    case 'numeric-4':
      return `${grade.value}/4`;
    default:
      return grade.value;
  }
}
