import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { FieldError, errorBody } from '../errors/error-body';
import { toFieldErrors, validatorFor } from './ajv-validators';
import { JsonSchema, jsonSchemaOf } from './json-schema.decorator';

/**
 * The ajv counterpart of Nest's ValidationPipe. Registered globally by PlatformModule: validates
 * `@Body()`, `@Query()` and `@Param()` arguments whose class carries @ValidateWith(schema).
 * Use `new JsonSchemaValidationPipe(schema)` for an inline schema: `@Body(new JsonSchemaValidationPipe(s))`.
 * A failure answers 400 `{ statusCode, error, message, errors: [{ location, path, message }] }`.
 */
@Injectable()
export class JsonSchemaValidationPipe implements PipeTransform<unknown> {
  constructor(private readonly schema?: JsonSchema) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const schema = this.schema ?? jsonSchemaOf(metadata.metatype);
    if (!schema) return value;
    const location: FieldError['location'] = metadata.type;
    // Coercion and defaults mutate the value: validate a copy of plain objects.
    const candidate = isPlainObject(value) ? structuredClone(value) : value;
    const validate = validatorFor(schema, location);
    if (validate(candidate)) return candidate;
    const errors = toFieldErrors(validate.errors, location);
    const summary = errors.map((error) => `${error.path} ${error.message}`).join('; ');
    throw new BadRequestException(errorBody(400, `Invalid request ${location}: ${summary}`, errors));
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
