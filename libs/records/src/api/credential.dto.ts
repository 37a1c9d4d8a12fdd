import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VERSION_PATTERN } from '@app/kernel';
import { OCCURRED_AT_DESCRIPTION, OCCURRED_AT_PATTERN, OCCURRED_AT_SCHEMA } from '@app/event-store';
import { ValidateWith } from '@app/platform';
import { CredentialInput, RevocationInput } from '../application/records.inputs';
import {
  ASSESSMENT_TYPES,
  AssessmentType,
  CREDENTIAL_TYPES,
  CREDIT_UNITS,
  CredentialType,
  CreditUnit,
  Grade,
  PARTICIPATION_FORMS,
  ParticipationForm,
  Stackability,
  STACKABILITY,
} from '../domain/records.values';
import { GradeDto } from './learner.dto';
import { assessmentSchema, dateSchema, decimalSchema, eqfSchema, gradeSchema, ID_PATTERN, idSchema, text, unitSchema } from './schema-parts';

export class WorkloadDto {
  @ApiProperty({ example: '8' }) credits!: string;
  @ApiProperty({ enum: CREDIT_UNITS, example: 'US_SEMESTER' }) unit!: CreditUnit;
}

/** POST /learners/:learnerId/credentials: EU Council Recommendation (2022) elements + the stack. */
@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['type', 'title', 'learningOutcomes', 'workload', 'eqfLevel', 'assessmentType', 'participation', 'qualityAssurance', 'completionIds', 'complete'],
  properties: {
    type: { enum: [...CREDENTIAL_TYPES] },
    code: idSchema,
    definitionVersion: { type: 'string', pattern: VERSION_PATTERN },
    title: text(300),
    issuedOn: dateSchema,
    learningOutcomes: { type: 'array', minItems: 1, maxItems: 100, items: text(1000) },
    workload: { type: 'object', additionalProperties: false, required: ['credits', 'unit'], properties: { credits: decimalSchema, unit: unitSchema } },
    eqfLevel: eqfSchema,
    assessmentType: assessmentSchema,
    participation: { enum: [...PARTICIPATION_FORMS] },
    qualityAssurance: text(500),
    prerequisites: { type: 'array', maxItems: 50, items: text(500) },
    identityVerified: { type: 'boolean' },
    grade: gradeSchema,
    stackability: { enum: [...STACKABILITY] },
    furtherInformation: text(2000),
    completionIds: { type: 'array', minItems: 1, maxItems: 200, items: idSchema },
    complete: { type: 'boolean' },
    occurredAt: OCCURRED_AT_SCHEMA,
  },
})
export class AwardCredentialDto implements CredentialInput {
  @ApiProperty({ enum: CREDENTIAL_TYPES, example: 'MicroMasters' }) type!: CredentialType;
  @ApiPropertyOptional({ example: 'MITx-SCM-MM', pattern: ID_PATTERN, description: "The credential program's code, as recognition policies name it; when it has a published definition (GET /credential-definitions/{code}), a complete award is checked against it" }) code?: string;
  @ApiPropertyOptional({ example: '2025', pattern: VERSION_PATTERN, description: 'The version of the code’s credential definition the award is under (default: the latest published); recorded in the event' }) definitionVersion?: string;
  @ApiProperty({ example: 'MicroMasters Program in Supply Chain Management' }) title!: string;
  @ApiPropertyOptional({ format: 'date', description: "Date of issue (not in the future); default the date of occurredAt, else today. The events' occurred-at: the start of this day, UTC" }) issuedOn?: string;
  @ApiProperty({ type: [String] }) learningOutcomes!: string[];
  @ApiProperty({ type: WorkloadDto, description: 'Notional workload; its ECTS equivalent is added' }) workload!: { credits: string; unit: CreditUnit };
  @ApiProperty({ minimum: 1, maximum: 8, example: 7 }) eqfLevel!: number;
  @ApiProperty({ enum: ASSESSMENT_TYPES }) assessmentType!: AssessmentType;
  @ApiProperty({ enum: PARTICIPATION_FORMS, description: 'Form of participation' }) participation!: ParticipationForm;
  @ApiProperty({ example: 'Institutional review (NECHE accreditation)', description: 'Type of quality assurance' }) qualityAssurance!: string;
  @ApiPropertyOptional({ type: [String] }) prerequisites?: string[];
  @ApiPropertyOptional({ description: 'Default: every completion of the stack was identity-verified' }) identityVerified?: boolean;
  @ApiPropertyOptional({ type: GradeDto }) grade?: Grade;
  @ApiPropertyOptional({ enum: STACKABILITY, default: 'stackable' }) stackability?: Stackability;
  @ApiPropertyOptional() furtherInformation?: string;
  @ApiProperty({ type: [String], description: "The stack: this learner's completions recorded by you" }) completionIds!: string[];
  @ApiProperty({
    description:
      "Were the credential program's requirements fully met? If so, every completion of the stack must be passed and, when the code has a definition, the stack must hold a passed completion (at its minimum grade) of every component: otherwise 409 naming each",
  })
  complete!: boolean;
  @ApiPropertyOptional({ pattern: OCCURRED_AT_PATTERN, description: `${OCCURRED_AT_DESCRIPTION} With issuedOn: it must fall on that day (UTC) and then adds the time of day.` })
  occurredAt?: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: text(500), occurredAt: OCCURRED_AT_SCHEMA } })
export class RevokeCredentialDto implements RevocationInput {
  @ApiProperty({ example: 'academic misconduct', maxLength: 500 }) reason!: string;
  @ApiPropertyOptional({ example: '2026-03-02', pattern: OCCURRED_AT_PATTERN, description: `${OCCURRED_AT_DESCRIPTION} Its UTC date is revokedOn (not before the date of issue).` })
  occurredAt?: string;
}

@ValidateWith({ type: 'object', required: ['learnerId', 'credentialId'], properties: { learnerId: idSchema, credentialId: idSchema } })
export class CredentialParams {
  @ApiProperty({ pattern: ID_PATTERN }) learnerId!: string;
  @ApiProperty({ pattern: ID_PATTERN }) credentialId!: string;
}
