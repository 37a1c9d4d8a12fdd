import request from 'supertest';
import { programJsonSchema, recognitionPolicyJsonSchema } from '@app/requirements';
import { apiTour, RecordedAnswer } from './support/api-tour';
import { OpenApiDocument, OpenApiValidator, operationsOf } from './support/openapi-validator';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

/**
 * The OpenAPI document is a contract, not decoration: every 2xx answer of every operation declares
 * a schema, and the answers a real flow gets (the MIT SCM pathway end to end, every operation at
 * least once: test/support/api-tour.ts) validate against what is declared, with ajv (JSON Schema
 * 2020-12, OpenAPI 3.1's dialect). Response objects are closed, so a field an answer carries but
 * its schema does not document fails here.
 */
describe('OpenAPI: every answer has a schema, and real answers match it', () => {
  let t: StandaloneUnderTest;
  let doc: OpenApiDocument;
  let answers: RecordedAnswer[];
  let validator: OpenApiValidator;

  beforeAll(async () => {
    t = await startStandalone();
    doc = (await request(t.server).get('/docs-json').expect(200)).body as OpenApiDocument;
    validator = new OpenApiValidator(doc);
    answers = await apiTour(t);
  }, 120000);
  afterAll(() => t?.close());

  it('is OpenAPI 3.1, so the definition languages embed as JSON Schema', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(JSON.stringify(doc)).not.toContain('"nullable"');
  });

  it('declares a schema for every 2xx response of every operation', () => {
    const missing: string[] = [];
    for (const { method, template } of operationsOf(doc)) {
      const responses = doc.paths[template][method.toLowerCase()].responses ?? {};
      const success = Object.entries(responses).filter(([status]) => status.startsWith('2'));
      if (success.length === 0) missing.push(`${method} ${template}: no 2xx response`);
      for (const [status, response] of success) {
        const media = Object.entries(response.content ?? {});
        if (media.length === 0) missing.push(`${method} ${template} ${status}: no content`);
        for (const [type, content] of media) if (!content.schema) missing.push(`${method} ${template} ${status} ${type}: no schema`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every schema the document references is in its components', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(50);
    expect([...new Set(refs)].filter((name) => !doc.components.schemas[name])).toEqual([]);
  });

  it('the tour reached every operation with a 2xx answer', () => {
    const unreached = operationsOf(doc).filter((op) => !answers.some((a) => a.method === op.method && op.matches(a.path) && a.status < 300));
    expect(unreached.map((op) => `${op.method} ${op.template}`)).toEqual([]);
    expect(answers.length).toBeGreaterThan(60);
  });

  it('every answer of the tour validates against the schema declared for its operation, status and media type', () => {
    const failures: string[] = [];
    let validated = 0;
    for (const answer of answers) {
      const op = operationsOf(doc).find((o) => o.method === answer.method && o.matches(answer.path));
      if (!op) {
        failures.push(`${answer.method} ${answer.path}: no operation in the document`);
        continue;
      }
      const mediaType = answer.contentType.split(';')[0].trim();
      const schema = validator.declared(answer.method, op.template, answer.status, mediaType);
      if (!schema) {
        failures.push(`${answer.method} ${op.template} ${answer.status} ${mediaType}: no declared schema`);
        continue;
      }
      const bodies = mediaType === 'application/x-ndjson' ? ndjsonLines(answer.text) : [answer.body];
      const lineSchema = mediaType === 'application/x-ndjson' ? lineSchemaOf(doc, schema) : schema;
      if (mediaType === 'application/x-ndjson') expect(bodies.length).toBeGreaterThan(0);
      for (const body of bodies) {
        validated += 1;
        for (const error of validator.errors(lineSchema, body)) failures.push(`${answer.method} ${answer.path} ${answer.status}: ${error}`);
      }
    }
    expect(failures).toEqual([]);
    expect(validated).toBeGreaterThan(answers.length);
  });

  it('the check has teeth: an undocumented field, a missing one or a wrong type in a real answer fails validation', () => {
    const eligibility = answers.find((a) => a.path === '/eligibility');
    const schema = validator.declared('GET', '/eligibility', 200, 'application/json');
    if (!eligibility || !schema) throw new Error('no eligibility answer');
    const body = eligibility.body as Record<string, unknown>;
    expect(validator.errors(schema, body)).toEqual([]);
    expect(validator.errors(schema, { ...body, basis: 'decided' })).toEqual([expect.stringContaining('must NOT have additional properties')]);
    const { explanation: _dropped, ...withoutExplanation } = body;
    expect(validator.errors(schema, withoutExplanation)).toEqual([expect.stringContaining("must have required property 'explanation'")]);
    expect(validator.errors(schema, { ...body, totalCredits: { have: 45, need: { exact: '90', decimal: '90' }, satisfied: false } })).toEqual([expect.stringContaining('/totalCredits/have must be object')]);
  });

  it('publish bodies, what-if fields and policy impact reference the definition languages, not bare objects', () => {
    const bodySchema = (method: string, path: string) => {
      const ref = doc.paths[path][method].requestBody?.content?.['application/json']?.schema?.$ref as string;
      return doc.components.schemas[ref.replace('#/components/schemas/', '')] as { properties: Record<string, unknown> };
    };
    expect(JSON.stringify(bodySchema('post', '/programs/{programId}/versions').properties.definition)).toContain('#/components/schemas/ProgramDefinition');
    expect(JSON.stringify(bodySchema('post', '/policies/{policyId}/versions').properties.definition)).toContain('#/components/schemas/RecognitionPolicyDefinition');
    expect(JSON.stringify(bodySchema('post', '/audit/policy-impact').properties.definition)).toContain('#/components/schemas/RecognitionPolicyDefinition');
    const whatIf = bodySchema('post', '/eligibility/what-if').properties;
    expect(JSON.stringify(whatIf.extraCompletions)).toContain('#/components/schemas/WhatIfCompletion');
    expect(JSON.stringify(whatIf.extraCredentials)).toContain('#/components/schemas/WhatIfCredential');
    expect(JSON.stringify(whatIf.policy)).toContain('#/components/schemas/PolicyVersionRef');
    expect(doc.components.schemas['ProgramDefinition.eqfLevel']).toMatchObject({ pattern: '^EQF[1-8]$' });
    expect(doc.components.schemas.ProgramDefinition).toMatchObject({ properties: { version: { pattern: programJsonSchema.properties.version.pattern } } });
  });

  it('the embedded definition schemas accept the fixtures and refuse what the engine refuses', () => {
    const program = { $ref: '#/components/schemas/ProgramDefinition' };
    const policy = { $ref: '#/components/schemas/RecognitionPolicyDefinition' };
    const published = answers.filter((a) => a.method === 'GET' && (a.path.startsWith('/programs/') || a.path.startsWith('/policies/')));
    const programDoc = (published.find((a) => a.path.includes('/versions/'))?.body as { definition: Record<string, unknown> }).definition;
    const policyDoc = (published.find((a) => a.path.startsWith('/policies/'))?.body as { versions: { definition: Record<string, unknown> }[] }).versions[0].definition;
    expect(validator.errors(program, programDoc)).toEqual([]);
    expect(validator.errors(policy, policyDoc)).toEqual([]);
    expect(validator.errors(program, { ...programDoc, version: '2026.1' })).not.toEqual([]);
    expect(validator.errors(policy, { ...policyDoc, levels: ['7'] })).not.toEqual([]);
    expect(validator.errors(policy, { ...policyDoc, levels: ['EQF7'] })).toEqual([]);
  });

  it('serves the JSON Schemas unauthenticated, with their stable $ids, as the engine publishes them', async () => {
    const index = answers.find((a) => a.path === '/schemas')?.body as { schemas: { id: string; url: string }[] };
    expect(index.schemas.map((x) => x.id)).toEqual([programJsonSchema.$id, recognitionPolicyJsonSchema.$id]);
    for (const { url } of index.schemas) {
      const res = await request(t.server).get(url).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/schema\+json/);
    }
    expect((await request(t.server).get('/schemas/program.schema.json')).body).toEqual(JSON.parse(JSON.stringify(programJsonSchema)));
    expect((await request(t.server).get('/schemas/recognition-policy.schema.json')).body).toEqual(JSON.parse(JSON.stringify(recognitionPolicyJsonSchema)));
    expect(programJsonSchema.$id).toBe('https://credit-transfer.example/schemas/program.schema.json');
    expect(recognitionPolicyJsonSchema.$id).toBe('https://credit-transfer.example/schemas/recognition-policy.schema.json');
  });
});

function ndjsonLines(text: string): unknown[] {
  return text.split('\n').filter((line) => line.length > 0).map((line) => JSON.parse(line) as unknown);
}

/** The schema of one NDJSON line: the body schema's `x-ndjson-line`. */
function lineSchemaOf(doc: OpenApiDocument, schema: Record<string, unknown>): Record<string, unknown> {
  const name = String(schema.$ref ?? '').replace('#/components/schemas/', '');
  const line = (doc.components.schemas[name] ?? schema)['x-ndjson-line'];
  if (typeof line !== 'object' || line === null) throw new Error('the NDJSON body declares no x-ndjson-line schema');
  return line as Record<string, unknown>;
}
