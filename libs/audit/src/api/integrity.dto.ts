import { ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateWith } from '@app/platform';

const STREAM = '^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,199}$';
const CATEGORY = '^[A-Za-z0-9][A-Za-z0-9_.:@]{0,99}$';
const TYPE = '^[A-Za-z][A-Za-z0-9_.]{0,99}$';
const DIGEST = '^[0-9a-f]{64}(@(-1|[0-9]{1,16}))?$';
const position = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } as const;
const instant = { type: 'string', format: 'date-time' } as const;

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  properties: {
    stream: { type: 'string', pattern: STREAM },
    category: { type: 'string', pattern: CATEGORY },
    type: {
      anyOf: [
        { type: 'string', pattern: TYPE },
        { type: 'array', items: { type: 'string', pattern: TYPE }, minItems: 1, maxItems: 50 },
      ],
    },
    fromPosition: position,
    toPosition: position,
    since: instant,
    until: instant,
  },
})
export class ExportQueryDto {
  @ApiPropertyOptional({ description: 'Exactly this stream', example: 'learner-5f0c…' }) stream?: string;
  @ApiPropertyOptional({ description: 'Streams named <category>-… (e.g. transfer)', example: 'transfer' }) category?: string;
  @ApiPropertyOptional({ description: 'Event type; repeat for several (any of)', type: [String], example: ['RequestEvaluated'] }) type?: string | string[];
  @ApiPropertyOptional({ description: 'First global position (inclusive)', minimum: 0 }) fromPosition?: number;
  @ApiPropertyOptional({ description: 'Last global position (inclusive)', minimum: 0 }) toPosition?: number;
  @ApiPropertyOptional({ description: 'recordedAt at or after (RFC 3339)', example: '2026-01-01T00:00:00Z' }) since?: string;
  @ApiPropertyOptional({ description: 'recordedAt before (RFC 3339)', example: '2027-01-01T00:00:00Z' }) until?: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, properties: { expectDigest: { type: 'string', pattern: DIGEST } } })
export class VerifyQueryDto {
  @ApiPropertyOptional({
    description: 'A digest recorded earlier, as verify reports it (<hex>@<position>): the log up to that position must still digest to it',
  })
  expectDigest?: string;
}
