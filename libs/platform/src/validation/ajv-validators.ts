import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { isCalendarDate } from '@app/kernel';
import { FieldError } from '../errors/error-body';
import { JsonSchema } from './json-schema.decorator';

type Location = FieldError['location'];

/** Bodies are JSON: types must match exactly. Query and path values are strings: coerce them. */
const bodyAjv = addFormats(new Ajv({ allErrors: true, useDefaults: true, strict: false }));
const stringsAjv = addFormats(new Ajv({ allErrors: true, useDefaults: true, strict: false, coerceTypes: true }));
// Every `format: 'date'` of every schema is the one calendar-date check (ajv-formats' own lets year 0000 through).
for (const ajv of [bodyAjv, stringsAjv]) ajv.addFormat('date', isCalendarDate);

const compiled = new WeakMap<JsonSchema, { body?: ValidateFunction; strings?: ValidateFunction }>();

/** Compiles once per schema and location kind. */
export function validatorFor(schema: JsonSchema, location: Location): ValidateFunction {
  const kind = location === 'body' ? 'body' : 'strings';
  const entry = compiled.get(schema) ?? {};
  let validate = entry[kind];
  if (!validate) {
    validate = (kind === 'body' ? bodyAjv : stringsAjv).compile(schema);
    entry[kind] = validate;
    compiled.set(schema, entry);
  }
  return validate;
}

/** One FieldError per ajv error, with a JSON pointer to the field ("/credits/0/amount"). */
export function toFieldErrors(errors: ErrorObject[] | null | undefined, location: Location): FieldError[] {
  return (errors ?? []).map((error) => {
    const base = error.instancePath || '';
    switch (error.keyword) {
      case 'required':
        return { location, path: `${base}/${String(error.params.missingProperty)}`, message: 'is required' };
      case 'additionalProperties':
        return { location, path: `${base}/${String(error.params.additionalProperty)}`, message: 'is not allowed' };
      case 'enum':
        return {
          location,
          path: base || '/',
          message: `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        };
      case 'format':
        if (error.params.format === 'date') return { location, path: base || '/', message: 'must be a calendar date YYYY-MM-DD (a day that exists, year 0001 to 9999)' };
        return { location, path: base || '/', message: error.message ?? 'is invalid' };
      default:
        return { location, path: base || '/', message: error.message ?? 'is invalid' };
    }
  });
}
