import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateWith } from '../../validation/json-schema.decorator';
import { CREDIT_UNITS, CreditUnit, Role, ROLES } from '../domain/access.events';

/** Ids chosen by people (institutions): lower-case, stable, URL-safe. */
export const ID_PATTERN = '^[a-z0-9][a-z0-9._-]{1,63}$';

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['institutionId', 'name', 'country', 'creditUnit'],
  properties: {
    institutionId: { type: 'string', pattern: ID_PATTERN },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
    creditUnit: { enum: [...CREDIT_UNITS] },
  },
})
export class RegisterInstitutionDto {
  @ApiProperty({ example: 'mit', pattern: ID_PATTERN, description: 'Stable id: lower-case letters, digits, ".", "_" or "-" (2-64)' })
  institutionId!: string;

  @ApiProperty({ example: 'Massachusetts Institute of Technology', maxLength: 200 })
  name!: string;

  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2 country code' })
  country!: string;

  @ApiProperty({ enum: CREDIT_UNITS, example: 'US_SEMESTER' })
  creditUnit!: CreditUnit;
}

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['role', 'label'],
  properties: {
    role: { enum: [...ROLES] },
    label: { type: 'string', minLength: 1, maxLength: 200 },
    auditScope: { type: 'array', maxItems: 1000, items: { type: 'string', pattern: `^\\*$|${ID_PATTERN}` } },
  },
})
export class IssueCredentialDto {
  @ApiProperty({ enum: ROLES, example: 'registrar' })
  role!: Role;

  @ApiProperty({ example: 'admissions office API key', maxLength: 200 })
  label!: string;

  @ApiPropertyOptional({ type: [String], description: "Auditors only: institutions they may read; ['*'] for all" })
  auditScope?: string[];
}

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: { type: 'string', minLength: 1, maxLength: 500 } },
})
export class RevokeCredentialDto {
  @ApiProperty({ example: 'key leaked in a log file', maxLength: 500 })
  reason!: string;
}

export class IssuedCredentialDto {
  @ApiProperty() credentialId!: string;
  @ApiProperty() institutionId!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ description: 'The bearer token. Shown once: only its hash is stored.' }) token!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Global position of the event that issued it (send as minPosition to read after this write)' }) position!: number | null;
}
