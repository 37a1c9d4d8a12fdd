import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OCCURRED_AT_DESCRIPTION, OCCURRED_AT_PATTERN, OCCURRED_AT_SCHEMA } from '@app/event-store';
import { ValidateWith } from '@app/platform';
import { POLICY_DEFINITION, PROGRAM_DEFINITION } from './definition-schemas';
import { DATE, ID, idSchema, VERSION } from './schema-parts';

@ValidateWith({ type: 'object', additionalProperties: false, required: ['programId'], properties: { programId: idSchema } })
export class ProgramParams {
  @ApiProperty({ example: 'mit-scm', pattern: ID }) programId!: string;
}

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['programId', 'version'],
  properties: { programId: idSchema, version: { type: 'string', pattern: VERSION } },
})
export class ProgramVersionParams {
  @ApiProperty({ example: 'mit-scm', pattern: ID }) programId!: string;
  @ApiProperty({ example: '2026-2027' }) version!: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['policyId'], properties: { policyId: idSchema } })
export class PolicyParams {
  @ApiProperty({ example: 'mit-scm-recognition', pattern: ID }) policyId!: string;
}

/**
 * Bodies of POST /programs/:programId/versions and POST /policies/:policyId/versions. The pipe
 * checks the envelope; the engine validates the definition against its schema and answers 400
 * with a pointer under /definition for every fault (docs/program-language.md,
 * docs/recognition-policy-language.md).
 */
const publishBody = { type: 'object', additionalProperties: false, required: ['definition'], properties: { definition: { type: 'object', maxProperties: 100 }, occurredAt: OCCURRED_AT_SCHEMA } };

@ValidateWith(publishBody)
export class PublishProgramDto {
  @ApiProperty({ ...PROGRAM_DEFINITION, description: 'The program document: id = programId, version = the catalog year ("2026-2027"), requirements, residency' })
  definition!: Record<string, unknown>;

  @ApiPropertyOptional({
    example: '2025-05-01',
    pattern: OCCURRED_AT_PATTERN,
    description: `${OCCURRED_AT_DESCRIPTION} For a catalog published before it was entered here: its UTC date is publishedOn, and on the occurred axis the version exists from then.`,
  })
  occurredAt?: string;
}

@ValidateWith(publishBody)
export class PublishPolicyDto {
  @ApiProperty({ ...POLICY_DEFINITION, description: 'The recognition-policy document: id = policyId, version, effectiveFrom/effectiveTo, receivingInstitution = your institution' })
  definition!: Record<string, unknown>;

  @ApiPropertyOptional({
    example: '2025-05-01',
    pattern: OCCURRED_AT_PATTERN,
    description: `${OCCURRED_AT_DESCRIPTION} For a catalog published before it was entered here: its UTC date is publishedOn, and on the occurred axis the version exists from then.`,
  })
  occurredAt?: string;
}

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['learnerId', 'programId'],
  properties: { learnerId: idSchema, programId: idSchema, decidedOn: { type: 'string', pattern: DATE, format: 'date' }, occurredAt: OCCURRED_AT_SCHEMA },
})
export class AdmitLearnerDto {
  @ApiProperty({ example: '5d0c0f7e-8d5e-4c1b-9a43-2f7e1f0b9c11' }) learnerId!: string;
  @ApiProperty({ example: 'mit-scm', description: 'A program of your institution' }) programId!: string;
  @ApiPropertyOptional({ example: '2026-08-01', description: "Admission decision date, not in the future (default: the date of occurredAt, else today); the event's occurred-at: the start of this day, UTC" })
  decidedOn?: string;
  @ApiPropertyOptional({ pattern: OCCURRED_AT_PATTERN, description: `${OCCURRED_AT_DESCRIPTION} With decidedOn: it must fall on that day (UTC) and then adds the time of day.` })
  occurredAt?: string;
}
