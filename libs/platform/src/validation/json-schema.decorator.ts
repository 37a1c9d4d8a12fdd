import type { SchemaObject } from 'ajv';

const JSON_SCHEMA_KEY = Symbol.for('credit-transfer.JsonSchema');

/** A JSON schema (draft 2020-12 subset that ajv understands). */
export type JsonSchema = SchemaObject;

/**
 * Attaches a JSON schema to a DTO class. The global JsonSchemaValidationPipe validates every
 * `@Body()`, `@Query()` or `@Param()` typed with that class against it:
 *
 *   @ValidateWith({ type: 'object', required: ['learnerId'], properties: { learnerId: { type: 'string' } } })
 *   export class SubmitRequestDto { learnerId!: string; }
 */
export function ValidateWith(schema: JsonSchema): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(JSON_SCHEMA_KEY, schema, target);
  };
}

/** The schema attached to a class with @ValidateWith, if any. */
export function jsonSchemaOf(target: unknown): JsonSchema | undefined {
  if (typeof target !== 'function') return undefined;
  return Reflect.getMetadata(JSON_SCHEMA_KEY, target) as JsonSchema | undefined;
}
