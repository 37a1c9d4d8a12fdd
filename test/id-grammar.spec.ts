import { ID_PATTERN } from '@app/kernel';
import { jsonSchemaOf, JsonSchema } from '@app/platform/validation/json-schema.decorator';
import { validatorFor } from '@app/platform/validation/ajv-validators';
import { AuditRequestParams, HistoryParams } from '@app/audit/api/audit.dto';
import { EligibilityQueryDto, LedgerParams } from '@app/projections/api/query.dto';
import { WhatIfDto } from '@app/projections/api/what-if.dto';
import { CourseParams, DefineCourseDto } from '@app/records/api/course.dto';
import { AwardCredentialDto, CredentialParams } from '@app/records/api/credential.dto';
import { CompletionParams, LearnerParams, RecordCompletionDto } from '@app/records/api/learner.dto';
import { AdmitLearnerDto, PolicyParams, ProgramParams } from '@app/transfer/api/catalog.dto';
import { RequestParams, SubmitTransferRequestDto } from '@app/transfer/api/transfer-request.dto';
import { parseProgram } from '@app/requirements';
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
});
