import { ApiSchema } from './api-schemas';

/**
 * Small builders for response schemas (JSON Schema 2020-12, as OpenAPI 3.1 reads it): objects are
 * closed (`additionalProperties: false`) and every property is required unless listed as optional,
 * so an answer that grows a field its schema does not document fails the response-schema test.
 */
type Schema = ApiSchema;
const described = (schema: Schema, description?: string): Schema => (description === undefined ? schema : { ...schema, description });

export const s = {
  object(properties: Record<string, Schema>, options: { optional?: string[]; description?: string } = {}): Schema {
    const optional = new Set(options.optional ?? []);
    return described({ type: 'object', additionalProperties: false, required: Object.keys(properties).filter((k) => !optional.has(k)), properties }, options.description);
  },
  /** An object keyed by free names (units, statuses), each value of one schema. */
  map: (values: Schema, description?: string): Schema => described({ type: 'object', additionalProperties: values }, description),
  array: (items: Schema, description?: string): Schema => described({ type: 'array', items }, description),
  string: (description?: string): Schema => described({ type: 'string' }, description),
  enum: (values: readonly string[], description?: string): Schema => described({ type: 'string', enum: [...values] }, description),
  integer: (description?: string): Schema => described({ type: 'integer' }, description),
  number: (description?: string): Schema => described({ type: 'number' }, description),
  boolean: (description?: string): Schema => described({ type: 'boolean' }, description),
  date: (description?: string): Schema => described({ type: 'string', format: 'date' }, description),
  dateTime: (description?: string): Schema => described({ type: 'string', format: 'date-time' }, description),
  /** An exact amount of credit or a grade value as text: "8", "7.5", "15/2". */
  exact: (description?: string): Schema => described({ type: 'string', pattern: '^\\d+(\\.\\d+)?(/\\d+)?$' }, description ?? 'exact amount: a decimal or a fraction, e.g. "7.5" or "15/2"'),
  /** An amount of credit both ways: exact (for arithmetic) and its decimal rendering (for people). */
  amount: (description?: string): Schema =>
    described(
      {
        type: 'object', additionalProperties: false, required: ['exact', 'decimal'],
        properties: { exact: { type: 'string', pattern: '^-?\\d+(/\\d+)?$|^-?\\d+\\.\\d+$', description: 'exact: an integer, a decimal or a fraction ("15/2")' }, decimal: { type: 'string', description: 'rounded to two places ("7.5")' } },
      },
      description,
    ),
  /** Any JSON value (event data, stored documents whose schema lives elsewhere). */
  json: (description?: string): Schema => described({}, description),
  nullable(schema: Schema): Schema {
    if (typeof schema.type === 'string' && schema.enum === undefined) return { ...schema, type: [schema.type, 'null'] };
    return { anyOf: [schema, { type: 'null' }] };
  },
};
