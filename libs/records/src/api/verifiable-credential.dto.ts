import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OCCURRED_AT_DESCRIPTION, OCCURRED_AT_PATTERN, OCCURRED_AT_SCHEMA } from '@app/event-store';
import { ValidateWith } from '@app/platform';
import { PresentCredentialInput, RecheckCredentialInput } from '../application/verifiable-credential-commands.handler';
import { JsonObject } from '../domain/verifiable-credential.values';
import { ID_PATTERN, idSchema } from './schema-parts';

/** A JSON-LD credential (an object with @context) or a compact VC-JWT (three base64url parts). */
const credentialSchema = {
  oneOf: [
    { type: 'object', required: ['@context'], minProperties: 1 },
    { type: 'string', pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$', maxLength: 200000 },
  ],
} as const;
const statusListsSchema = { type: 'array', maxItems: 20, items: { type: 'object', required: ['@context'] } } as const;
const REFERENCE_DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$' } as const;

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['credential'],
  properties: { credential: credentialSchema, statusLists: statusListsSchema, referenceDate: REFERENCE_DATE, occurredAt: OCCURRED_AT_SCHEMA },
})
export class PresentCredentialDto implements PresentCredentialInput {
  @ApiProperty({ description: 'The signed credential: an Open Badges 3.0 / W3C VC JSON-LD document, a CLR 2.0 transcript, or a compact VC-JWT string', oneOf: [{ type: 'object' }, { type: 'string' }] })
  credential!: JsonObject | string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: 'Signed status list credentials (Bitstring Status List) to read its status from; default: the registered ones' })
  statusLists?: JsonObject[];
  @ApiPropertyOptional({ example: '2026-09-01', description: "Validity is checked at this date (or date-time); default: the presentation's occurred-at" })
  referenceDate?: string;
  @ApiPropertyOptional({ pattern: OCCURRED_AT_PATTERN, description: OCCURRED_AT_DESCRIPTION }) occurredAt?: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, properties: { statusLists: statusListsSchema, occurredAt: OCCURRED_AT_SCHEMA } })
export class RecheckCredentialDto implements RecheckCredentialInput {
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: 'A newer signed status list; default: the registered one' })
  statusLists?: JsonObject[];
  @ApiPropertyOptional({ pattern: OCCURRED_AT_PATTERN, description: OCCURRED_AT_DESCRIPTION }) occurredAt?: string;
}

@ValidateWith({ type: 'object', required: ['learnerId', 'vcId'], properties: { learnerId: idSchema, vcId: idSchema } })
export class PresentedCredentialParams {
  @ApiProperty({ pattern: ID_PATTERN }) learnerId!: string;
  @ApiProperty({ pattern: ID_PATTERN }) vcId!: string;
}
