import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OCCURRED_AT_DESCRIPTION, OCCURRED_AT_PATTERN, OCCURRED_AT_SCHEMA } from '@app/event-store';
import { ValidateWith } from '@app/platform';
import { ID, idSchema, text, VERSION } from './schema-parts';

const STEP_OCCURRED_AT = (date: string) => `${OCCURRED_AT_DESCRIPTION} Its UTC date is ${date}; not before the previous exception step of this learner.`;

@ValidateWith({ type: 'object', additionalProperties: false, required: ['learnerId'], properties: { learnerId: idSchema } })
export class LearnerExceptionsParams {
  @ApiProperty({ pattern: ID }) learnerId!: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['learnerId', 'exceptionId'], properties: { learnerId: idSchema, exceptionId: idSchema } })
export class LearnerExceptionParams {
  @ApiProperty({ pattern: ID }) learnerId!: string;
  @ApiProperty({ pattern: ID }) exceptionId!: string;
}

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['programId', 'programVersion', 'kind', 'rulePath', 'reason'],
  properties: {
    programId: idSchema,
    programVersion: { type: 'string', pattern: VERSION },
    kind: { enum: ['waive', 'substitute'] },
    rulePath: text(500),
    itemId: { type: 'string', pattern: '^(completion|credential):.+$', maxLength: 220 },
    reason: text(2000),
    occurredAt: OCCURRED_AT_SCHEMA,
  },
})
export class GrantLearnerExceptionDto {
  @ApiProperty({ example: 'mit-scm', description: 'A program of your institution' }) programId!: string;
  @ApiProperty({ example: '2026-2027', description: 'The program version the exception is bound to (it applies only when that version is evaluated, until carried forward)' }) programVersion!: string;
  @ApiProperty({ enum: ['waive', 'substitute'] }) kind!: 'waive' | 'substitute';
  @ApiProperty({ example: 'mit-scm/capstone', description: 'Rule path in that program version (ids from the root joined by "/"), as request exceptions name it' }) rulePath!: string;
  @ApiPropertyOptional({ description: 'Substitute only: the learner\'s item that counts toward the rule ("completion:<id>" or "credential:<id>")' }) itemId?: string;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ pattern: OCCURRED_AT_PATTERN, description: STEP_OCCURRED_AT('grantedOn') }) occurredAt?: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['toVersion'], properties: { toVersion: { type: 'string', pattern: VERSION }, occurredAt: OCCURRED_AT_SCHEMA } })
export class CarryLearnerExceptionForwardDto {
  @ApiProperty({ example: '2027-2028', description: 'Another version of the exception\'s program where its rule path exists' }) toVersion!: string;
  @ApiPropertyOptional({ pattern: OCCURRED_AT_PATTERN, description: STEP_OCCURRED_AT('carriedOn') }) occurredAt?: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: text(2000), occurredAt: OCCURRED_AT_SCHEMA } })
export class RevokeLearnerExceptionDto {
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ pattern: OCCURRED_AT_PATTERN, description: STEP_OCCURRED_AT('revokedOn') }) occurredAt?: string;
}
