import { ID_PATTERN } from '@app/kernel';
import { JsonSchema } from '@app/platform';
import { ASSESSMENT_TYPES, CREDIT_UNITS, GRADE_SCALES } from '../domain/records.values';

/** Reusable JSON-schema fragments of the records DTOs. */
export { ID_PATTERN };
export const DECIMAL_PATTERN = '^(0|[1-9][0-9]{0,5})(\\.[0-9]{1,4})?$';

export const idSchema: JsonSchema = { type: 'string', pattern: ID_PATTERN };
export const decimalSchema: JsonSchema = { type: 'string', pattern: DECIMAL_PATTERN };
export const dateSchema: JsonSchema = { type: 'string', format: 'date' };
export const unitSchema: JsonSchema = { enum: [...CREDIT_UNITS] };
export const eqfSchema: JsonSchema = { type: 'integer', minimum: 1, maximum: 8 };
export const assessmentSchema: JsonSchema = { enum: [...ASSESSMENT_TYPES] };
export const text = (maxLength: number): JsonSchema => ({ type: 'string', minLength: 1, maxLength });
export const gradeSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['scale', 'value'],
  properties: { scale: { enum: [...GRADE_SCALES] }, value: text(10) },
};
export const tagsSchema: JsonSchema = { type: 'array', maxItems: 50, uniqueItems: true, items: text(60) };
