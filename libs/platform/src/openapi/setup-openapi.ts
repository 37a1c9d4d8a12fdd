import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { addReferencedSchemas } from './api-schemas';
import { toOpenApi31 } from './openapi-31';

export interface OpenApiOptions {
  /** Shown as the document title; e.g. "Credit transfer - transfer service". */
  title?: string;
  version?: string;
}

const DESCRIPTION = [
  'Event-sourced credit transfer for stacked micro-credentials.',
  'Issuing institutions record enrollments, completions and credentials; universities submit',
  'credit-transfer requests; registrars publish programs and recognition policies, decide',
  'requests and query eligibility; auditors replay history and reproduce any decision as of a date.',
  '',
  'Every response carries an `X-Correlation-Id` header (the incoming one when given).',
  'Errors are JSON: `{ statusCode, error, message }`, plus `errors[]` (one per invalid field) on 400.',
  '',
  'The definition languages (programs, recognition policies) are documented field by field in docs/program-language.md and',
  'docs/recognition-policy-language.md; their JSON Schemas are served at /schemas/program.schema.json and',
  '/schemas/recognition-policy.schema.json and embedded here (components ProgramDefinition and RecognitionPolicyDefinition).',
].join('\n');

/**
 * Serves the Swagger UI at /docs and the OpenAPI JSON at /docs-json (OpenAPI 3.1; every schema a
 * route references that a lib registered with `apiSchema` is in components). Call before `listen`.
 */
export function setupOpenApi(app: INestApplication, options: OpenApiOptions = {}): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle(options.title ?? 'Credit transfer API')
    .setDescription(DESCRIPTION)
    .setVersion(options.version ?? '0.1.0')
    .addTag('platform', 'Health and operations')
    // Controllers opt in with @ApiBearerAuth() (scheme name "bearer"); the UI's Authorize button fills it.
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A credential token: ct_<uuid>.<secret>' })
    .build();
  const document = toOpenApi31(SwaggerModule.createDocument(app, config)) as OpenAPIObject;
  document.components ??= {};
  document.components.schemas ??= {};
  addReferencedSchemas(document, document.components.schemas);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  return document;
}
