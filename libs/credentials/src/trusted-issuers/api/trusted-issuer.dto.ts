import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ID_PATTERN, Json } from '@app/kernel';
import { CREDIT_UNITS, ValidateWith } from '@app/platform';
import { RegisterTrustedIssuerInput } from '../application/trusted-issuer-commands.handler';
import { DID_PATTERN, ED25519_MULTIKEY_PATTERN } from '../domain/did-syntax';

const idSchema = { type: 'string', pattern: ID_PATTERN } as const;

/** POST /trusted-issuers: an issuer whose credentials verify as trusted, with its DID document or its key. */
@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['did', 'name', 'institutionId'],
  properties: {
    did: { type: 'string', maxLength: 500, pattern: DID_PATTERN },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    institutionId: idSchema,
    didDocument: { type: 'object', maxProperties: 50 },
    publicKeyMultibase: { type: 'string', pattern: ED25519_MULTIKEY_PATTERN },
    creditUnit: { enum: [...CREDIT_UNITS] },
  },
})
export class RegisterTrustedIssuerDto implements RegisterTrustedIssuerInput {
  @ApiProperty({ example: 'did:web:credentials.mitx.example', pattern: DID_PATTERN, description: 'The issuer DID, as credentials name it in `issuer` / `issuer.id`' }) did!: string;
  @ApiProperty({ example: 'MITx credentials', maxLength: 200 }) name!: string;
  @ApiProperty({ example: 'mit', pattern: ID_PATTERN, description: 'The institution that accepts this issuer (a registrar: its own)' }) institutionId!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'The DID document (not for did:key): its id is the DID; verification methods are fragments of it, controlled by it; assertionMethod names the signing keys. Give this or publicKeyMultibase.' })
  didDocument?: { [key: string]: Json };
  @ApiPropertyOptional({ example: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', pattern: ED25519_MULTIKEY_PATTERN, description: 'The Ed25519 public key (Multikey); its DID document is built with method `<did>#key-1` (did:key: `<did>#<key>`). Give this or didDocument.' })
  publicKeyMultibase?: string;
  @ApiPropertyOptional({ enum: CREDIT_UNITS, description: 'Unit of the OB3 credits this issuer awards when a credential states none' }) creditUnit?: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 500 } } })
export class RetireTrustedIssuerDto {
  @ApiProperty({ example: 'key compromised', maxLength: 500 }) reason!: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, required: ['trustedIssuerId'], properties: { trustedIssuerId: { type: 'string', minLength: 1, maxLength: 100 } } })
export class TrustedIssuerParams {
  @ApiProperty({ description: 'The entry id (POST /trusted-issuers answers it)' }) trustedIssuerId!: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, properties: { institutionId: idSchema, includeRetired: { type: 'boolean', default: false } } })
export class TrustedIssuersQueryDto {
  @ApiPropertyOptional({ pattern: ID_PATTERN, description: 'Only the issuers this institution accepts' }) institutionId?: string;
  @ApiPropertyOptional({ default: false, description: 'Also list retired entries' }) includeRetired?: boolean;
}
