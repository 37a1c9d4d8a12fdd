import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
const publishBody = { type: 'object', additionalProperties: false, required: ['definition'], properties: { definition: { type: 'object', maxProperties: 100 } } };

@ValidateWith(publishBody)
export class PublishProgramDto {
  @ApiProperty({ ...PROGRAM_DEFINITION, description: 'The program document: id = programId, version = the catalog year ("2026-2027"), requirements, residency' })
  definition!: Record<string, unknown>;
}

@ValidateWith(publishBody)
export class PublishPolicyDto {
  @ApiProperty({ ...POLICY_DEFINITION, description: 'The recognition-policy document: id = policyId, version, effectiveFrom/effectiveTo, receivingInstitution = your institution' })
  definition!: Record<string, unknown>;
}

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['learnerId', 'programId'],
  properties: { learnerId: idSchema, programId: idSchema, decidedOn: { type: 'string', pattern: DATE } },
})
export class AdmitLearnerDto {
  @ApiProperty({ example: '5d0c0f7e-8d5e-4c1b-9a43-2f7e1f0b9c11' }) learnerId!: string;
  @ApiProperty({ example: 'mit-scm', description: 'A program of your institution' }) programId!: string;
  @ApiPropertyOptional({ example: '2026-08-01', description: 'Admission decision date (default: today)' }) decidedOn?: string;
}
