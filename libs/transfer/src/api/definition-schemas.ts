import { apiSchema, embedJsonSchema } from '@app/platform';
import { programJsonSchema, recognitionPolicyJsonSchema } from '@app/requirements';

/**
 * The two definition languages in the OpenAPI document: the engine's JSON Schemas embedded as
 * components (ProgramDefinition, RecognitionPolicyDefinition and their parts), for the bodies that
 * carry a definition and the answers that show one. The same schemas are served as they are under
 * /schemas/ (DefinitionSchemasController).
 */
export const PROGRAM_DEFINITION = embedJsonSchema('ProgramDefinition', programJsonSchema);
export const POLICY_DEFINITION = embedJsonSchema('RecognitionPolicyDefinition', recognitionPolicyJsonSchema);

/** Every served schema: file name, the schema, and where its language is documented. */
export const SERVED_SCHEMAS = [
  { name: 'program.schema.json', schema: programJsonSchema, documentation: 'docs/program-language.md' },
  { name: 'recognition-policy.schema.json', schema: recognitionPolicyJsonSchema, documentation: 'docs/recognition-policy-language.md' },
] as const;

/** A JSON Schema document as served (its own schema is JSON Schema draft-07's meta-schema). */
export const JSON_SCHEMA_DOCUMENT = apiSchema('JsonSchemaDocument', {
  type: 'object',
  description: 'A JSON Schema (draft-07) document with a stable $id',
  required: ['$schema', '$id', 'title', 'type', 'properties'],
  properties: {
    $schema: { const: 'http://json-schema.org/draft-07/schema#' },
    $id: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    type: { const: 'object' },
    properties: { type: 'object' },
    definitions: { type: 'object' },
  },
});

export const SCHEMA_INDEX = apiSchema('DefinitionSchemaIndex', {
  type: 'object',
  additionalProperties: false,
  required: ['schemas'],
  properties: {
    schemas: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'id', 'title', 'url', 'documentation'],
        properties: {
          name: { type: 'string' },
          id: { type: 'string', format: 'uri', description: 'the schema\'s $id (stable across releases)' },
          title: { type: 'string' },
          url: { type: 'string', description: 'where this API serves it' },
          documentation: { type: 'string', description: 'the language reference, in the repository' },
        },
      },
    },
  },
});
