import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VERSION_PATTERN } from '@app/kernel';
import { ValidateWith } from '@app/platform';
import { CredentialDefinitionInput } from '../application/records.inputs';
import { AutoAwardTemplate } from '../domain/credential-definition.events';
import { ASSESSMENT_TYPES, AssessmentType, CREDENTIAL_TYPES, CredentialType, CreditUnit, Grade, PARTICIPATION_FORMS, ParticipationForm } from '../domain/records.values';
import { GradeDto } from './learner.dto';
import { assessmentSchema, decimalSchema, eqfSchema, gradeSchema, ID_PATTERN, idSchema, text, unitSchema } from './schema-parts';
import { WorkloadDto } from './credential.dto';

export class CredentialComponentDto {
  @ApiProperty({ example: 'mitx-ctl.sc0x', pattern: ID_PATTERN, description: 'A course of yours; its completion is a component of the credential' }) courseId!: string;
  @ApiPropertyOptional({ type: GradeDto, description: 'Minimum grade of the completion (default: passed, by the engine’s grade table)' }) minGrade?: Grade;
}

/** What an automatic award states beyond the definition: the EU mandatory elements (title and type: the definition's). */
export class AutoAwardDto implements AutoAwardTemplate {
  @ApiProperty({ type: [String] }) learningOutcomes!: string[];
  @ApiProperty({ type: WorkloadDto, description: 'Notional workload; its ECTS equivalent is added' }) workload!: { credits: string; unit: CreditUnit };
  @ApiProperty({ minimum: 1, maximum: 8, example: 7 }) eqfLevel!: number;
  @ApiProperty({ enum: ASSESSMENT_TYPES }) assessmentType!: AssessmentType;
  @ApiProperty({ enum: PARTICIPATION_FORMS }) participation!: ParticipationForm;
  @ApiProperty({ example: 'Institutional review (NECHE accreditation)' }) qualityAssurance!: string;
}

/** POST /credential-definitions/:code/versions: what a credential program requires, one immutable version. */
@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['version', 'title', 'type', 'components'],
  properties: {
    version: { type: 'string', pattern: VERSION_PATTERN },
    title: text(300),
    type: { enum: [...CREDENTIAL_TYPES] },
    components: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: { type: 'object', additionalProperties: false, required: ['courseId'], properties: { courseId: idSchema, minGrade: gradeSchema } },
    },
    autoAward: {
      type: 'object',
      additionalProperties: false,
      required: ['learningOutcomes', 'workload', 'eqfLevel', 'assessmentType', 'participation', 'qualityAssurance'],
      properties: {
        learningOutcomes: { type: 'array', minItems: 1, maxItems: 100, items: text(1000) },
        workload: { type: 'object', additionalProperties: false, required: ['credits', 'unit'], properties: { credits: decimalSchema, unit: unitSchema } },
        eqfLevel: eqfSchema,
        assessmentType: assessmentSchema,
        participation: { enum: [...PARTICIPATION_FORMS] },
        qualityAssurance: text(500),
      },
    },
  },
})
export class PublishCredentialDefinitionDto implements CredentialDefinitionInput {
  @ApiProperty({ example: '2025', pattern: VERSION_PATTERN, description: 'The version you name (immutable once published); awards use the latest unless they name one' }) version!: string;
  @ApiProperty({ example: 'MicroMasters Program in Supply Chain Management', maxLength: 300 }) title!: string;
  @ApiProperty({ enum: CREDENTIAL_TYPES, example: 'MicroMasters' }) type!: CredentialType;
  @ApiProperty({ type: [CredentialComponentDto], description: 'The component courses (yours), each completed and passed for a complete credential' }) components!: CredentialComponentDto[];
  @ApiPropertyOptional({ type: AutoAwardDto, description: 'Award the credential automatically, complete, when a learner’s recorded completions complete this version (latest version only); what the award states beyond the definition' })
  autoAward?: AutoAwardTemplate;
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['code'], properties: { code: idSchema } })
export class CredentialDefinitionParams {
  @ApiProperty({ example: 'MITx-SCM-MM', pattern: ID_PATTERN, description: "The credential program's code, as awards and recognition rules name it" }) code!: string;
}
