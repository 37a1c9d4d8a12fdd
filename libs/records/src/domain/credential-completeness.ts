import { DomainError } from '@app/kernel';
import { CredentialDefinitionVersion } from './credential-definition.events';
import { describeRecordsGrade, isPassingGrade, meetsGradeMinimum } from './engine-grades';
import { CompletionView } from './learner-record';

/**
 * Is a stack complete? Two rules, for an award marked `complete: true`:
 * - every completion listed is passed (engine-grades.ts says what passes), with or without a definition;
 * - when the credential's code has a published definition, the stack holds, for every component,
 *   a completion of that course that is passed and meets the component's minimum grade.
 * Each refusal names every failed completion or missing component, with a JSON pointer.
 */
export type FieldMiss = { path: string; message: string };

/** The listed completions that are not passed, with the pointer of each in the stack. */
export function unpassedCompletions(stack: readonly CompletionView[]): FieldMiss[] {
  return stack.flatMap((c, index) =>
    isPassingGrade(c.grade) ? [] : [{ path: `/completionIds/${index}`, message: `completion ${c.completionId} (${c.courseId}, ${c.courseTitle}) is not passed: grade ${describeRecordsGrade(c.grade)}` }],
  );
}

/** The components of the definition version the stack does not satisfy, each with why. */
export function componentMisses(definition: CredentialDefinitionVersion, stack: readonly CompletionView[]): FieldMiss[] {
  return definition.components.flatMap((component) => {
    const named = `${component.courseId} (${component.courseTitle})`;
    const candidates = stack.map((c, index) => ({ c, index })).filter(({ c }) => c.courseId === component.courseId);
    if (candidates.length === 0) return [{ path: '/completionIds', message: `${named}: no completion of it in the stack` }];
    const passed = candidates.filter(({ c }) => isPassingGrade(c.grade));
    const last = candidates[candidates.length - 1];
    if (passed.length === 0) return [{ path: `/completionIds/${last.index}`, message: `${named}: completion ${last.c.completionId} is not passed (grade ${describeRecordsGrade(last.c.grade)})` }];
    const minimum = component.minGrade;
    if (minimum && !passed.some(({ c }) => meetsGradeMinimum(c.grade, minimum))) {
      const best = passed[passed.length - 1];
      return [{ path: `/completionIds/${best.index}`, message: `${named}: grade ${describeRecordsGrade(best.c.grade)} of completion ${best.c.completionId} is below the minimum ${describeRecordsGrade(minimum)}` }];
    }
    return [];
  });
}

/** 409 naming every miss: one `errors` entry each, the message lists them all. */
export function incomplete(code: string, summary: string, misses: FieldMiss[]): DomainError {
  return new DomainError('conflict', code, `${summary}: ${misses.map((m) => m.message).join('; ')}`, { path: misses[0]?.path, errors: misses });
}
