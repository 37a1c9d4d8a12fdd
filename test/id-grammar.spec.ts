import { ID_PATTERN, VERSION_PATTERN } from '@app/kernel';
import { jsonSchemaOf, JsonSchema } from '@app/platform/validation/json-schema.decorator';
import { validatorFor } from '@app/platform/validation/ajv-validators';
import { AuditRequestParams, HistoryParams } from '@app/audit/api/audit.dto';
import { EligibilityQueryDto, LedgerParams } from '@app/projections/api/query.dto';
import { WhatIfDto } from '@app/projections/api/what-if.dto';
import { CourseParams, DefineCourseDto } from '@app/records/api/course.dto';
import { AwardCredentialDto, CredentialParams } from '@app/records/api/credential.dto';
import { CredentialDefinitionParams, PublishCredentialDefinitionDto } from '@app/records/api/credential-definition.dto';
import { CompletionParams, LearnerParams, RecordCompletionDto } from '@app/records/api/learner.dto';
import { AdmitLearnerDto, PolicyParams, ProgramParams } from '@app/transfer/api/catalog.dto';
import { RequestParams, SubmitTransferRequestDto } from '@app/transfer/api/transfer-request.dto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_ID_PATTERN, parseProgram, POLICY_VERSION_PATTERN, programJsonSchema, recognitionPolicyJsonSchema } from '@app/requirements';
import programFixture from '../libs/requirements/fixtures/mit-scm-blended.program.json';

/**
 * Every edge of the API takes ids in the one grammar of the kernel: an id one service accepts
 * (e.g. a course id registered in records) is accepted wherever it is referenced later. Each case
 * is a DTO and the JSON pointer of an id field in its schema; the field's own schema is checked
 * with the validator the HTTP pipe uses.
 */
const ID_FIELDS: [string, unknown, string][] = [
  ['records: course id of a course definition', DefineCourseDto, '/properties/courseId'],
  ['records: course id in a path', CourseParams, '/properties/courseId'],
  ['records: course id of a completion', RecordCompletionDto, '/properties/courseId'],
  ['records: learner id in a path', LearnerParams, '/properties/learnerId'],
  ['records: completion id in a path', CompletionParams, '/properties/completionId'],
  ['records: credential id in a path', CredentialParams, '/properties/credentialId'],
  ["records: a credential's completion ids", AwardCredentialDto, '/properties/completionIds/items'],
  ["records: a credential's code (which names its definition)", AwardCredentialDto, '/properties/code'],
  ['records: credential definition code in a path', CredentialDefinitionParams, '/properties/code'],
  ["records: a credential definition's component courses", PublishCredentialDefinitionDto, '/properties/components/items/properties/courseId'],
  ['transfer: learner id of a request', SubmitTransferRequestDto, '/properties/learnerId'],
  ['transfer: program id of a request', SubmitTransferRequestDto, '/properties/programId'],
  ['transfer: completion ids of a request', SubmitTransferRequestDto, '/properties/evidence/properties/completionIds/items'],
  ['transfer: request id in a path', RequestParams, '/properties/requestId'],
  ['transfer: program id in a path', ProgramParams, '/properties/programId'],
  ['transfer: policy id in a path', PolicyParams, '/properties/policyId'],
  ['transfer: learner id of an admission', AdmitLearnerDto, '/properties/learnerId'],
  ['query: learner id of an eligibility query', EligibilityQueryDto, '/properties/learnerId'],
  ['query: learner id of the ledger', LedgerParams, '/properties/learnerId'],
  ['query: learner id of a what-if', WhatIfDto, '/properties/learnerId'],
  ['query: course id of a what-if completion', WhatIfDto, '/properties/extraCompletions/items/properties/courseId'],
  ['audit: id of a history', HistoryParams, '/properties/id'],
  ['audit: request id in a path', AuditRequestParams, '/properties/requestId'],
];

function fieldSchema(dto: unknown, pointer: string): JsonSchema {
  let node: unknown = jsonSchemaOf(dto);
  for (const key of pointer.split('/').slice(1)) node = (node as Record<string, unknown> | undefined)?.[key];
  if (node === undefined) throw new Error(`no schema at ${pointer}`);
  return node as JsonSchema;
}

const accepts = (schema: JsonSchema, value: string): boolean => validatorFor(schema, 'body')(value);

const VALID = ['course-v1:MITx.SC1x', 'mitx-ctl.sc1x', 'mit-scm', 'urn:uuid:5d0c0f7e-8d5e-4c1b-9a43-2f7e1f0b9c11', 'A_1', 'x', 'a'.repeat(100)];
const INVALID = ['', '-x', '.x', ':x', 'a b', 'a/b', 'a+b', 'é', 'a'.repeat(101)];

describe('id grammar: the same at every edge of the API', () => {
  it.each(ID_FIELDS)('%s accepts every id of the grammar and refuses the rest', (_name, dto, pointer) => {
    const schema = fieldSchema(dto, pointer);
    expect(VALID.filter((id) => !accepts(schema, id))).toEqual([]);
    expect(INVALID.filter((id) => accepts(schema, id))).toEqual([]);
  });

  it('every id field of every validated DTO (found by name: …Id, …Ids, id) takes the kernel grammar, but institution ids in provisioning and request item ids', () => {
    const found: string[] = [];
    const wrong: string[] = [];
    for (const file of dtoFiles()) {
      for (const [name, dto] of Object.entries(require(file) as Record<string, unknown>)) {
        const schema = jsonSchemaOf(dto);
        if (schema) walkIdFields(schema, `${name}`, (path, field) => {
          found.push(path);
          if (field.pattern !== ID_PATTERN && !OTHER_GRAMMARS.some((other) => path.endsWith(other))) wrong.push(`${path}: ${String(field.pattern)}`);
        });
      }
    }
    expect(found.length).toBeGreaterThan(ID_FIELDS.length);
    expect(wrong).toEqual([]);
  });

  it('the sample ids are those of the kernel grammar', () => {
    const grammar = new RegExp(ID_PATTERN);
    expect(VALID.every((id) => grammar.test(id))).toBe(true);
    expect(INVALID.some((id) => grammar.test(id))).toBe(false);
  });

  it('a program definition may name, in a requirement, any course id the API accepts', () => {
    for (const id of VALID) {
      const text = JSON.stringify(programFixture);
      expect(text).toContain('"course":"SCM.SC1x"');
      expect(parseProgram(JSON.parse(text.replace('"course":"SCM.SC1x"', `"course":${JSON.stringify(id)}`)))).toMatchObject({ ok: true });
    }
  });

  it('the engine schemas publish the kernel grammars for program and policy ids, program scopes and policy versions', () => {
    expect(DOCUMENT_ID_PATTERN).toBe(ID_PATTERN);
    expect(POLICY_VERSION_PATTERN).toBe(VERSION_PATTERN);
    expect(programJsonSchema.properties.id.pattern).toBe(ID_PATTERN);
    expect(recognitionPolicyJsonSchema.properties.id.pattern).toBe(ID_PATTERN);
    expect(recognitionPolicyJsonSchema.properties.programId.pattern).toBe(ID_PATTERN);
    expect(recognitionPolicyJsonSchema.properties.version.pattern).toBe(VERSION_PATTERN);
    // A catalog year is a version the API can name in a path ("GET /programs/{id}/versions/{version}").
    expect(['2026', '2026-27', '2026-2027'].every((v) => new RegExp(VERSION_PATTERN).test(v))).toBe(true);
  });
});

/**
 * Fields named like ids that are not entity ids, by design: institution ids in provisioning have
 * the narrower grammar of platform access; a request's item ids are composites ("completion:<id>")
 * that the transfer service built and hands out, so they are matched exactly, not parsed; a hosted
 * status list is `<institution>.<n>`; a registered list credential's `id` is a URL; a presented
 * credential named as evidence is `<vcId>` or `<vcId>#<n>` (the n-th achievement of a CLR).
 */
const OTHER_GRAMMARS = [
  'RegisterInstitutionDto/institutionId',
  '/itemId',
  '/itemIds/items',
  'StatusListParams/statusListId',
  'RegisterStatusListDto/credential/id',
  '/verifiableCredentialIds/items',
];

/** Every *.dto.ts under libs/<lib>/src/api (and libs/platform/src/access/api). */
function dtoFiles(): string[] {
  const libs = join(__dirname, '..', 'libs');
  const dirs = readdirSync(libs).flatMap((lib) => [join(libs, lib, 'src', 'api'), join(libs, lib, 'src', 'access', 'api')]);
  return dirs.flatMap((dir) => {
    try {
      return readdirSync(dir).filter((f) => f.endsWith('.dto.ts')).map((f) => join(dir, f));
    } catch {
      return [];
    }
  });
}

/** Calls `visit` for each string field named like an id (or the items of an id list), with its path. */
function walkIdFields(schema: JsonSchema, path: string, visit: (path: string, field: { pattern?: unknown }) => void): void {
  const properties = (schema as { properties?: Record<string, JsonSchema> }).properties ?? {};
  for (const [key, child] of Object.entries(properties)) {
    const at = `${path}/${key}`;
    const node = child as { type?: unknown; pattern?: unknown; items?: JsonSchema; properties?: unknown };
    const isId = key === 'id' || key.endsWith('Id');
    if (isId && node.type === 'string') visit(at, node);
    else if (key.endsWith('Ids') && node.items && (node.items as { type?: unknown }).type === 'string') visit(`${at}/items`, node.items as { pattern?: unknown });
    else if (node.properties) walkIdFields(child, at, visit);
    else if (node.items && (node.items as { properties?: unknown }).properties) walkIdFields(node.items, `${at}/items`, visit);
  }
}
