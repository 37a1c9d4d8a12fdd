import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VERSION_PATTERN } from '@app/kernel';
import { ValidateWith } from '@app/platform';
import { CredentialDefinitionInput } from '../application/records.inputs';
import { CREDENTIAL_TYPES, CredentialType, Grade } from '../domain/records.values';
import { GradeDto } from './learner.dto';
import { gradeSchema, ID_PATTERN, idSchema, text } from './schema-parts';

export class CredentialComponentDto {
  @ApiProperty({ example: 'mitx-ctl.sc0x', pattern: ID_PATTERN, description: 'A course of yours; its completion is a component of the credential' }) courseId!: string;
  @ApiPropertyOptional({ type: GradeDto, description: 'Minimum grade of the completion (default: passed, by the engine’s grade table)' }) minGrade?: Grade;
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
  },
})
export class PublishCredentialDefinitionDto implements CredentialDefinitionInput {
  @ApiProperty({ example: '2025', pattern: VERSION_PATTERN, description: 'The version you name (immutable once published); awards use the latest unless they name one' }) version!: string;
  @ApiProperty({ example: 'MicroMasters Program in Supply Chain Management', maxLength: 300 }) title!: string;
  @ApiProperty({ enum: CREDENTIAL_TYPES, example: 'MicroMasters' }) type!: CredentialType;
  @ApiProperty({ type: [CredentialComponentDto], description: 'The component courses (yours), each completed and passed for a complete credential' }) components!: CredentialComponentDto[];
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['code'], properties: { code: idSchema } })
export class CredentialDefinitionParams {
  @ApiProperty({ example: 'MITx-SCM-MM', pattern: ID_PATTERN, description: "The credential program's code, as awards and recognition rules name it" }) code!: string;
}
