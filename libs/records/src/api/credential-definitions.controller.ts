import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandContext } from '@app/event-store';
import { refuse } from '@app/kernel';
import { Command, COMMAND_RESPONSE, commandResponse, CommandResponse, etagOf, HeaderResponse, ReadAfterPosition, Roles } from '@app/platform';
import { CREDENTIAL_DEFINITION } from './records.responses';
import { CredentialDefinitionCommandsHandler } from '../application/credential-definition-commands.handler';
import { RecordsStreamReader } from '../application/stream-reader';
import { CredentialDefinitionVersion } from '../domain/credential-definition.events';
import { CredentialDefinitionParams, PublishCredentialDefinitionDto } from './credential-definition.dto';

export interface CredentialDefinitionView {
  code: string;
  issuerId: string;
  latestVersion: string;
  versions: CredentialDefinitionVersion[];
  revision: number;
}

/** What an issuer's credential programs require: versioned, public, checked when a complete credential is awarded. */
@ApiTags('records: credential definitions')
@ApiBearerAuth()
@Controller('credential-definitions')
export class CredentialDefinitionsController {
  constructor(
    private readonly definitions: CredentialDefinitionCommandsHandler,
    private readonly reader: RecordsStreamReader,
  ) {}

  @Post(':code/versions')
  @Roles('issuer')
  @ApiOperation({ summary: 'Publish a version of what one of your credential programs requires: its component courses (yours), each with an optional minimum grade' })
  @ApiCreatedResponse({ description: '{ id: code, revision, replayed, eventIds, position } and an ETag', schema: COMMAND_RESPONSE })
  @ApiBadRequestResponse({ description: 'A component course that is not defined, or named twice (with its pointer)' })
  @ApiForbiddenResponse({ description: 'The code is defined by another issuer, or a component course belongs to another issuer' })
  @ApiConflictResponse({ description: 'The version is already published (versions are immutable)' })
  async publish(
    @Param() params: CredentialDefinitionParams,
    @Body() body: PublishCredentialDefinitionDto,
    @Command() ctx: CommandContext,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<CommandResponse> {
    const result = await this.definitions.publish(params.code, body, ctx);
    return commandResponse(res, result.id, result.outcome);
  }

  @Get(':code')
  @ReadAfterPosition('event-log')
  @Roles('issuer', 'submitter', 'registrar', 'auditor')
  @ApiOperation({ summary: 'A credential program’s published definition: every version, oldest first; ETag = its stream revision' })
  @ApiOkResponse({ description: 'every version, oldest first; ETag = its stream revision', schema: CREDENTIAL_DEFINITION })
  @ApiNotFoundResponse({ description: 'No definition of this code is published' })
  async get(@Param() params: CredentialDefinitionParams, @Res({ passthrough: true }) res: HeaderResponse): Promise<CredentialDefinitionView> {
    const { definition, revision } = await this.reader.credentialDefinition(params.code);
    const latest = definition.versions.at(-1);
    if (!latest || definition.issuerId === null || revision === null) throw refuse.notFound('credential-definition-not-found', `no definition of credential ${params.code} is published`);
    res.header('ETag', etagOf(revision));
    return { code: params.code, issuerId: definition.issuerId, latestVersion: latest.version, versions: definition.versions, revision };
  }
}
