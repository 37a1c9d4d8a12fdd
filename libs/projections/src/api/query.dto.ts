import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateWith } from '@app/platform';
import { DATE, ID, idSchema } from '@app/transfer/api/schema-parts';
import { REQUEST_FLAGS, RequestFlag } from '../query/request-flags';

const dateSchema = { type: 'string', pattern: DATE, format: 'date' } as const;
const asOfSchema = { type: 'string', minLength: 1, maxLength: 40, pattern: '^(\\d{1,15}|\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2}))?)$' } as const;
const axisSchema = { type: 'string', enum: ['recorded', 'occurred'], default: 'recorded' } as const;
const AS_OF_DOC =
  'Answer from history alone as of a global position (e.g. 1234) or a time (RFC 3339, or YYYY-MM-DD = the end of that day, UTC). Nothing recorded after the cut is seen.';
const AXIS_DOC = 'recorded (default): what the system knew at that point; occurred: what was true then, counting facts recorded later (needs a time)';

export const REQUEST_STATUSES = ['submitted', 'evaluated', 'decided', 'appealed', 'revised', 'withdrawn'] as const;

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['learnerId', 'programId'],
  properties: { learnerId: idSchema, programId: idSchema, on: dateSchema, asOf: asOfSchema, axis: axisSchema },
})
export class EligibilityQueryDto {
  @ApiProperty({ pattern: ID }) learnerId!: string;
  @ApiProperty({ example: 'mit-scm', pattern: ID }) programId!: string;
  @ApiPropertyOptional({ description: 'Evaluate as of this date (YYYY-MM-DD); default today (UTC), or the day of asOf', example: '2026-11-30' }) on?: string;
  @ApiPropertyOptional({ description: AS_OF_DOC }) asOf?: string;
  @ApiPropertyOptional({ enum: ['recorded', 'occurred'], description: AXIS_DOC }) axis?: 'recorded' | 'occurred';
}

/** A page of requests of one institution: the queue's and the submissions' query. */
const requestPageProperties = {
  institutionId: idSchema,
  status: { type: 'string', enum: [...REQUEST_STATUSES] },
  flag: { type: 'string', enum: [...REQUEST_FLAGS] },
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
} as const;

@ValidateWith({ type: 'object', additionalProperties: false, properties: { ...requestPageProperties, asOf: asOfSchema, axis: axisSchema } })
export class QueueQueryDto {
  @ApiPropertyOptional({ description: 'Receiving institution (auditors must name it; registrars read their own)' }) institutionId?: string;
  @ApiPropertyOptional({ enum: REQUEST_STATUSES }) status?: (typeof REQUEST_STATUSES)[number];
  @ApiPropertyOptional({ enum: REQUEST_FLAGS, description: 'Only requests with this flag: evidence-changed (evidence revoked, regraded or withdrawn since the decision in force), appealed' }) flag?: RequestFlag;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 }) limit?: number;
  @ApiPropertyOptional({ default: 0, minimum: 0 }) offset?: number;
  @ApiPropertyOptional({ description: AS_OF_DOC }) asOf?: string;
  @ApiPropertyOptional({ enum: ['recorded', 'occurred'], description: AXIS_DOC }) axis?: 'recorded' | 'occurred';
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['learnerId'], properties: { learnerId: idSchema } })
export class LedgerParams {
  @ApiProperty({ pattern: ID }) learnerId!: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, properties: { institutionId: idSchema, asOf: asOfSchema, axis: axisSchema } })
export class InstitutionQueryDto {
  @ApiPropertyOptional({ description: 'Receiving institution (auditors must name it; registrars read their own)' }) institutionId?: string;
  @ApiPropertyOptional({ description: AS_OF_DOC }) asOf?: string;
  @ApiPropertyOptional({ enum: ['recorded', 'occurred'], description: AXIS_DOC }) axis?: 'recorded' | 'occurred';
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['institutionId'], properties: { institutionId: idSchema } })
export class CatalogParams {
  @ApiProperty({ example: 'mit', pattern: ID, description: 'The receiving institution' }) institutionId!: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, properties: { on: dateSchema } })
export class CatalogQueryDto {
  @ApiPropertyOptional({ description: "The date each policy version's inEffect refers to (YYYY-MM-DD); default today (UTC)", example: '2026-11-30' }) on?: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, properties: requestPageProperties })
export class SubmissionsQueryDto {
  @ApiPropertyOptional({ description: 'Submitting institution (auditors must name it; submitters read their own)' }) institutionId?: string;
  @ApiPropertyOptional({ enum: REQUEST_STATUSES }) status?: (typeof REQUEST_STATUSES)[number];
  @ApiPropertyOptional({ enum: REQUEST_FLAGS, description: 'Only requests with this flag: evidence-changed (evidence revoked, regraded or withdrawn since the decision in force), appealed' }) flag?: RequestFlag;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 }) limit?: number;
  @ApiPropertyOptional({ default: 0, minimum: 0 }) offset?: number;
}
