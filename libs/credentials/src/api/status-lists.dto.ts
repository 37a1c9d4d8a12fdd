import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateWith } from '@app/platform';
import { RegisterStatusListInput } from '../status-lists/status-list-commands.handler';

/** POST /status-lists. */
@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['credential'],
  properties: {
    credential: { type: 'object', required: ['@context', 'id', 'credentialSubject'], properties: { id: { type: 'string', minLength: 1, maxLength: 2000 } } },
    url: { type: 'string', minLength: 1, maxLength: 2000, pattern: '^https?://' },
  },
})
export class RegisterStatusListDto implements RegisterStatusListInput {
  @ApiProperty({ type: 'object', description: 'The signed status list credential (BitstringStatusListCredential)', additionalProperties: true })
  credential!: Record<string, unknown>;
  @ApiPropertyOptional({ description: "The URL status entries point to (statusListCredential), when it is not the list's id" })
  url?: string;
}
