import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateWith } from '@app/platform';
import { POLICY_DEFINITION } from '@app/transfer/api/definition-schemas';
import { ID, idSchema } from '@app/transfer/api/schema-parts';

const instant = { type: 'string', maxLength: 40, pattern: '^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2}))?$' } as const;

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id'],
  properties: { kind: { type: 'string', enum: ['learner', 'request', 'institution'] }, id: idSchema },
})
export class HistoryParams {
  @ApiProperty({ enum: ['learner', 'request', 'institution'] }) kind!: 'learner' | 'request' | 'institution';
  @ApiProperty() id!: string;
}

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  properties: {
    types: { type: 'string', maxLength: 1700, pattern: '^[A-Za-z][A-Za-z0-9]{0,79}(,[A-Za-z][A-Za-z0-9]{0,79}){0,19}$' },
    after: { type: 'integer', minimum: -1, maximum: Number.MAX_SAFE_INTEGER },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    recordedFrom: instant,
    recordedTo: instant,
    occurredFrom: instant,
    occurredTo: instant,
  },
})
export class HistoryQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated event types', example: 'CompletionRecorded,MicroCredentialRevoked' }) types?: string;
  @ApiPropertyOptional({ description: 'Cursor: entries after this global position (nextAfter of the previous page)' }) after?: number;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 }) limit?: number;
  @ApiPropertyOptional({ description: 'recorded-at lower bound (inclusive), RFC 3339 or YYYY-MM-DD' }) recordedFrom?: string;
  @ApiPropertyOptional({ description: 'recorded-at upper bound (inclusive)' }) recordedTo?: string;
  @ApiPropertyOptional({ description: 'occurred-at lower bound (inclusive)' }) occurredFrom?: string;
  @ApiPropertyOptional({ description: 'occurred-at upper bound (inclusive)' }) occurredTo?: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['requestId'], properties: { requestId: idSchema } })
export class AuditRequestParams {
  @ApiProperty({ pattern: ID }) requestId!: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['definition'], properties: { definition: { type: 'object', maxProperties: 100 } } })
export class PolicyImpactDto {
  @ApiProperty({ ...POLICY_DEFINITION, description: 'The proposed (unpublished) recognition-policy document, as it would be published' })
  definition!: Record<string, unknown>;
}
