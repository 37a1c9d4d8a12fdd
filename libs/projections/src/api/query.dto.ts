import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateWith } from '@app/platform';
import { DATE, ID, idSchema } from '@app/transfer/api/schema-parts';

const LEARNER_ID = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$';
const learnerIdSchema = { type: 'string', pattern: LEARNER_ID } as const;
const dateSchema = { type: 'string', pattern: DATE, format: 'date' } as const;
export const REQUEST_STATUSES = ['submitted', 'evaluated', 'decided', 'appealed', 'revised', 'withdrawn'] as const;

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['learnerId', 'programId'],
  properties: { learnerId: learnerIdSchema, programId: idSchema, on: dateSchema },
})
export class EligibilityQueryDto {
  @ApiProperty({ pattern: LEARNER_ID }) learnerId!: string;
  @ApiProperty({ example: 'mit-scm', pattern: ID }) programId!: string;
  @ApiPropertyOptional({ description: 'Evaluate as of this date (YYYY-MM-DD); default today (UTC)', example: '2026-11-30' }) on?: string;
}

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  properties: {
    institutionId: idSchema,
    status: { type: 'string', enum: [...REQUEST_STATUSES] },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
  },
})
export class QueueQueryDto {
  @ApiPropertyOptional({ description: 'Receiving institution (auditors must name it; registrars read their own)' }) institutionId?: string;
  @ApiPropertyOptional({ enum: REQUEST_STATUSES }) status?: (typeof REQUEST_STATUSES)[number];
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 }) limit?: number;
  @ApiPropertyOptional({ default: 0, minimum: 0 }) offset?: number;
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['learnerId'], properties: { learnerId: learnerIdSchema } })
export class LedgerParams {
  @ApiProperty({ pattern: LEARNER_ID }) learnerId!: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, properties: { institutionId: idSchema } })
export class InstitutionQueryDto {
  @ApiPropertyOptional({ description: 'Receiving institution (auditors must name it; registrars read their own)' }) institutionId?: string;
}
