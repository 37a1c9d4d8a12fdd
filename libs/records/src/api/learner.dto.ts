import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OCCURRED_AT_DESCRIPTION, OCCURRED_AT_PATTERN, OCCURRED_AT_SCHEMA } from '@app/event-store';
import { ValidateWith } from '@app/platform';
import { CompletionInput, CorrectionInput, EnrollmentInput, RegisterLearnerInput, WithdrawalInput } from '../application/records.inputs';
import { ASSESSMENT_TYPES, AssessmentType, CREDIT_UNITS, CreditUnit, Grade } from '../domain/records.values';
import { assessmentSchema, dateSchema, decimalSchema, DECIMAL_PATTERN, eqfSchema, gradeSchema, ID_PATTERN, idSchema, text, unitSchema } from './schema-parts';

/** With a date field of the fact's own: both may be sent if they agree (occurredAt then adds the time of day). */
const OCCURRED_ON_FIELD = (field: string) => `${OCCURRED_AT_DESCRIPTION} Optional next to ${field}: it must fall on that day (UTC) and then adds the time of day.`;

@ValidateWith({ type: 'object', additionalProperties: false, properties: { externalRef: text(200), occurredAt: OCCURRED_AT_SCHEMA } })
export class RegisterLearnerDto implements RegisterLearnerInput {
  @ApiPropertyOptional({ example: 'S-2025-0042', description: "Your own reference for the learner; stored only as a keyed hash. Never send names, e-mails or birth dates." })
  externalRef?: string;
  @ApiPropertyOptional({ example: '2025-01-06', pattern: OCCURRED_AT_PATTERN, description: `${OCCURRED_AT_DESCRIPTION} E.g. when importing a learner's history: on the occurred axis a learner exists from its registration.` })
  occurredAt?: string;
}

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['courseId', 'enrolledOn'],
  properties: { courseId: idSchema, term: text(40), enrolledOn: dateSchema, occurredAt: OCCURRED_AT_SCHEMA },
})
export class RecordEnrollmentDto implements EnrollmentInput {
  @ApiProperty({ example: 'mitx-ctl.sc0x', pattern: ID_PATTERN }) courseId!: string;
  @ApiPropertyOptional({ example: '2025T1' }) term?: string;
  @ApiProperty({ example: '2025-01-10', format: 'date', description: "The events' occurred-at: the start of this day, UTC (not in the future)" }) enrolledOn!: string;
  @ApiPropertyOptional({ pattern: OCCURRED_AT_PATTERN, description: OCCURRED_ON_FIELD('enrolledOn') }) occurredAt?: string;
}

export class GradeDto {
  @ApiProperty({ enum: ['percent', 'letter', 'pass-fail', 'numeric-4'], example: 'percent' }) scale!: Grade['scale'];
  @ApiProperty({ example: '86', description: 'percent "0"-"100"; letter A+..F; pass-fail P/F/pass/fail; numeric-4 "0"-"4"' }) value!: string;
}

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['courseId', 'grade', 'identityVerified', 'completedOn'],
  properties: {
    courseId: idSchema,
    enrollmentId: idSchema,
    credits: decimalSchema,
    unit: unitSchema,
    eqfLevel: eqfSchema,
    field: text(100),
    assessmentType: assessmentSchema,
    grade: gradeSchema,
    identityVerified: { type: 'boolean' },
    completedOn: dateSchema,
    inResidence: { type: 'boolean' },
    occurredAt: OCCURRED_AT_SCHEMA,
  },
})
export class RecordCompletionDto implements CompletionInput {
  @ApiProperty({ example: 'mitx-ctl.sc0x', pattern: ID_PATTERN, description: 'One of your own courses' }) courseId!: string;
  @ApiPropertyOptional({ description: 'The enrollment it completes, if recorded' }) enrollmentId?: string;
  @ApiPropertyOptional({ example: '4', pattern: DECIMAL_PATTERN, description: "Default: the course's credits" }) credits?: string;
  @ApiPropertyOptional({ enum: CREDIT_UNITS, description: "Default: the course's unit" }) unit?: CreditUnit;
  @ApiPropertyOptional({ minimum: 1, maximum: 8, description: "Default: the course's EQF level" }) eqfLevel?: number;
  @ApiPropertyOptional({ description: "Default: the course's field" }) field?: string;
  @ApiPropertyOptional({ enum: ASSESSMENT_TYPES, description: "Default: the course's assessment type" }) assessmentType?: AssessmentType;
  @ApiProperty({ type: GradeDto }) grade!: Grade;
  @ApiProperty({ description: "Was the learner's identity verified during assessment?" }) identityVerified!: boolean;
  @ApiProperty({ example: '2025-05-20', format: 'date', description: "The events' occurred-at: the start of this day, UTC (not in the future)" }) completedOn!: string;
  @ApiPropertyOptional({ default: false, description: "Completed on the issuer's campus" }) inResidence?: boolean;
  @ApiPropertyOptional({ pattern: OCCURRED_AT_PATTERN, description: OCCURRED_ON_FIELD('completedOn') }) occurredAt?: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['grade', 'reason'], properties: { grade: gradeSchema, reason: text(500), occurredAt: OCCURRED_AT_SCHEMA } })
export class CorrectCompletionDto implements CorrectionInput {
  @ApiProperty({ type: GradeDto }) grade!: Grade;
  @ApiProperty({ example: 'exam re-marked after appeal', maxLength: 500 }) reason!: string;
  @ApiPropertyOptional({ example: '2025-06-02', pattern: OCCURRED_AT_PATTERN, description: `${OCCURRED_AT_DESCRIPTION} Its UTC date is correctedOn (not before the completion's completedOn).` })
  occurredAt?: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: text(500), occurredAt: OCCURRED_AT_SCHEMA } })
export class WithdrawCompletionDto implements WithdrawalInput {
  @ApiProperty({ example: 'recorded on the wrong learner', maxLength: 500, description: 'Why the completion was recorded in error (kept in the log)' }) reason!: string;
  @ApiPropertyOptional({ example: '2025-07-01', pattern: OCCURRED_AT_PATTERN, description: `${OCCURRED_AT_DESCRIPTION} Its UTC date is withdrawnOn.` })
  occurredAt?: string;
}

@ValidateWith({ type: 'object', required: ['learnerId'], properties: { learnerId: idSchema } })
export class LearnerParams {
  @ApiProperty({ pattern: ID_PATTERN }) learnerId!: string;
}

@ValidateWith({ type: 'object', required: ['learnerId', 'completionId'], properties: { learnerId: idSchema, completionId: idSchema } })
export class CompletionParams {
  @ApiProperty({ pattern: ID_PATTERN }) learnerId!: string;
  @ApiProperty({ pattern: ID_PATTERN }) completionId!: string;
}
