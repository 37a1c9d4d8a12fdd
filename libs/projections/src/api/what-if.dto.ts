import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { apiSchema, ValidateWith } from '@app/platform';
import { DATE, EXACT, idSchema, VERSION, text } from '@app/transfer/api/schema-parts';
import { ASSESSMENT_TYPES } from '@app/records';
import { HypotheticalCompletion, HypotheticalCredential } from '../query/what-if';

const date = { type: 'string', pattern: DATE, format: 'date' } as const;
const units = { type: 'string', enum: ['ECTS', 'US_SEMESTER', 'US_QUARTER', 'UK_CATS'] } as const;
const grade = {
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['scale', 'value'], properties: { scale: { const: 'percent' }, value: { type: 'string', pattern: '^(100|[0-9]{1,2})(\\.[0-9]{1,2})?$' } } },
    { type: 'object', additionalProperties: false, required: ['scale', 'value'], properties: { scale: { const: 'letter' }, value: { type: 'string', pattern: '^[A-F][+-]?$' } } },
    { type: 'object', additionalProperties: false, required: ['scale', 'value'], properties: { scale: { const: 'pass-fail' }, value: { enum: ['P', 'F', 'pass', 'fail'] } } },
    { type: 'object', additionalProperties: false, required: ['scale', 'value'], properties: { scale: { const: 'numeric-4' }, value: { type: 'string', pattern: '^[0-4](\\.[0-9]{1,2})?$' } } },
  ],
} as const;

const completion = {
  type: 'object',
  additionalProperties: false,
  required: ['courseId', 'issuerId', 'title', 'credits', 'unit', 'eqfLevel', 'field', 'grade', 'completedOn'],
  properties: {
    courseId: idSchema, issuerId: idSchema, title: text(200), credits: { type: 'string', pattern: EXACT }, unit: units,
    eqfLevel: { type: 'integer', minimum: 1, maximum: 8 }, field: text(100), tags: { type: 'array', maxItems: 50, items: text(60) }, grade, completedOn: date,
    identityVerified: { type: 'boolean', description: 'was the identity verified at assessment (default: not stated)' },
    assessmentType: { enum: [...ASSESSMENT_TYPES], description: 'how it was assessed (default: not stated)' },
    inResidence: { type: 'boolean', description: 'taken on the receiving institution\'s campus (a completion of its own course then counts as taken here)' },
  },
} as const;

const credential = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'title', 'issuerId', 'credits', 'unit', 'eqfLevel', 'issuedOn', 'complete'],
  properties: {
    type: text(50), code: text(100), title: text(200), issuerId: idSchema, credits: { type: 'string', pattern: EXACT }, unit: units,
    eqfLevel: { type: 'integer', minimum: 1, maximum: 8 }, issuedOn: date, complete: { type: 'boolean' },
  },
} as const;

const policyRef = { type: 'object', additionalProperties: false, required: ['policyId', 'version'], properties: { policyId: idSchema, version: { type: 'string', pattern: VERSION } } } as const;

/**
 * The request-side schemas of the what-if, in the OpenAPI document exactly as the pipe validates
 * them (one literal for both): hypothetical completions and credentials in the records API's
 * notation (integer eqfLevel, grade {scale, value}), and a published policy version by reference.
 */
const WHAT_IF_COMPLETION = apiSchema('WhatIfCompletion', { ...completion, description: 'A completion as records would hold it (POST /learners/{id}/completions), never stored' });
const WHAT_IF_CREDENTIAL = apiSchema('WhatIfCredential', { ...credential, description: 'A credential as records would hold it (POST /learners/{id}/credentials), never stored' });
const POLICY_VERSION_REF = apiSchema('PolicyVersionRef', { ...policyRef, description: 'A published recognition-policy version of the program\'s institution (GET /policies/{policyId}); used as if in effect on the date' });

/** Body of POST /eligibility/what-if: nothing is written; the answer says source "what-if". */
@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['learnerId', 'programId'],
  properties: {
    learnerId: idSchema,
    programId: idSchema,
    programVersion: { type: 'string', pattern: VERSION },
    policy: policyRef,
    on: date,
    extraCompletions: { type: 'array', maxItems: 50, items: completion },
    extraCredentials: { type: 'array', maxItems: 20, items: credential },
    decisions: { enum: ['bind', 'ignore'] },
  },
})
export class WhatIfDto {
  @ApiProperty() learnerId!: string;
  @ApiProperty({ example: 'mit-scm' }) programId!: string;
  @ApiPropertyOptional({ example: '2026-2027', pattern: VERSION, description: 'Another published program version, a catalog year (default: the latest)' }) programVersion?: string;
  @ApiPropertyOptional({ allOf: [POLICY_VERSION_REF], description: 'A published policy version to use instead of the one in effect' }) policy?: { policyId: string; version: string };
  @ApiPropertyOptional({ format: 'date', description: 'Evaluate as of this date (YYYY-MM-DD); default today' }) on?: string;
  @ApiPropertyOptional({ type: 'array', maxItems: 50, items: WHAT_IF_COMPLETION, description: 'Hypothetical completions' })
  extraCompletions?: HypotheticalCompletion[];
  @ApiPropertyOptional({ type: 'array', maxItems: 20, items: WHAT_IF_CREDENTIAL, description: 'Hypothetical credentials' })
  extraCredentials?: HypotheticalCredential[];
  @ApiPropertyOptional({ enum: ['bind', 'ignore'], default: 'bind', description: "bind: the registrar's decisions in force stand (they are never proposed again); ignore: as if nothing were decided (what the engine alone would propose)" })
  decisions?: 'bind' | 'ignore';
}
