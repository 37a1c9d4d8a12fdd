import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ID_PATTERN } from '@app/kernel';
import { ValidateWith } from '@app/platform';

const id = { type: 'string', pattern: ID_PATTERN } as const;
export const STATUS_LIST_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}\\.[1-9][0-9]{0,5}$';

@ValidateWith({ type: 'object', additionalProperties: false, required: ['requestId'], properties: { requestId: id } })
export class RecognitionRequestParams {
  @ApiProperty({ pattern: ID_PATTERN }) requestId!: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['institutionId'], properties: { institutionId: id } })
export class InstitutionParams {
  @ApiProperty({ pattern: ID_PATTERN }) institutionId!: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['statusListId'], properties: { statusListId: { type: 'string', pattern: STATUS_LIST_ID_PATTERN } } })
export class StatusListParams {
  @ApiProperty({ pattern: STATUS_LIST_ID_PATTERN, description: '<institutionId>.<key sequence>, as in a credential status entry' }) statusListId!: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } } })
export class RotateKeyDto {
  @ApiPropertyOptional({ description: 'why the key is replaced (scheduled, suspected compromise, ...)' }) reason?: string;
}
