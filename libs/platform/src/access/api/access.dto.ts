import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CREDIT_UNITS, CreditUnit, Role, ROLES } from '../domain/access.events';

export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export class RegisterInstitutionDto {
  @ApiProperty({ example: 'mit', description: 'Stable id: lower-case letters, digits, ".", "_" or "-" (2-64)' })
  @Matches(ID_PATTERN, { message: 'institutionId must be 2-64 lower-case letters, digits, ".", "_" or "-"' })
  institutionId!: string;

  @ApiProperty({ example: 'Massachusetts Institute of Technology' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2 country code' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as "US"' })
  country!: string;

  @ApiProperty({ enum: CREDIT_UNITS, example: 'US_SEMESTER' })
  @IsIn(CREDIT_UNITS)
  creditUnit!: CreditUnit;
}

export class IssueCredentialDto {
  @ApiProperty({ enum: ROLES, example: 'registrar' })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ example: 'admissions office API key' })
  @IsString()
  @Length(1, 200)
  label!: string;

  @ApiPropertyOptional({ type: [String], description: "Auditors only: institutions they may read; ['*'] for all" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(/^(\*|[a-z0-9][a-z0-9._-]{1,63})$/, { each: true, message: 'auditScope entries are institution ids or "*"' })
  auditScope?: string[];
}

export class RevokeCredentialDto {
  @ApiProperty({ example: 'key leaked in a log file' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class IssuedCredentialDto {
  @ApiProperty() credentialId!: string;
  @ApiProperty() institutionId!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ description: 'The bearer token. Shown once: only its hash is stored.' }) token!: string;
}
