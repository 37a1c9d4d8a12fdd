import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateWith } from '@app/platform';

/** Status list credentials a request may carry (each as is, or with the URL entries point to). */
export const MAX_STATUS_LISTS = 20;

/** POST /credentials/verify. */
@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['credential'],
  properties: {
    credential: {
      oneOf: [
        { type: 'object', required: ['@context'], properties: { '@context': { type: ['array', 'string'] } } },
        { type: 'string', minLength: 5, maxLength: 500000, pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$' },
      ],
    },
    statusLists: {
      type: 'array',
      maxItems: MAX_STATUS_LISTS,
      items: {
        type: 'object',
        oneOf: [
          { required: ['@context'], not: { required: ['url'] } },
          { required: ['url', 'credential'], additionalProperties: false, properties: { url: { type: 'string', minLength: 1, maxLength: 2000 }, credential: { type: 'object', required: ['@context'] } } },
        ],
      },
    },
    referenceDate: { type: 'string', format: 'date-time' },
  },
})
export class VerifyCredentialDto {
  @ApiProperty({ description: 'The credential: a JSON-LD credential with an embedded proof (OB 3.0, VC 1.1/2.0, CLR 2.0) or a compact VC-JWT string', oneOf: [{ type: 'object' }, { type: 'string' }] })
  credential!: Record<string, unknown> | string;
  @ApiPropertyOptional({
    description: 'Status list credentials to check the status entries against (besides the registered ones): each a list credential (found by its id) or { url, credential } (found by the URL the entries name)',
    type: 'array',
    items: { type: 'object' },
  })
  statusLists?: Record<string, unknown>[];
  @ApiPropertyOptional({ format: 'date-time', description: 'The date validity is judged at (default now)' })
  referenceDate?: string;
}
