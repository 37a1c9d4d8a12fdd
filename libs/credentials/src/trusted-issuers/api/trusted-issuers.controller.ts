import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandContext } from '@app/event-store';
import { refuse } from '@app/kernel';
import { Command, COMMAND_RESPONSE, commandResponse, CommandResponse, etagOf, HeaderResponse, Roles, ReadAfterPosition } from '@app/platform';
import { TrustedIssuerCommandsHandler } from '../application/trusted-issuer-commands.handler';
import { TrustedIssuerRegistry } from '../application/trusted-issuer-registry';
import { TrustedIssuerEntry } from '../domain/trusted-issuer.decider';
import { RegisterTrustedIssuerDto, RetireTrustedIssuerDto, TrustedIssuerParams, TrustedIssuersQueryDto } from './trusted-issuer.dto';
import { TRUSTED_ISSUER, TRUSTED_ISSUER_LIST } from './trusted-issuers.responses';

/** The trusted-issuer registry: whose credential proofs count as trusted, and with which keys. */
@ApiTags('credentials: trusted issuers')
@ApiBearerAuth()
@Controller('trusted-issuers')
export class TrustedIssuersController {
  constructor(
    private readonly handler: TrustedIssuerCommandsHandler,
    private readonly registry: TrustedIssuerRegistry,
  ) {}

  @Post()
  @Roles('admin', 'registrar')
  @ApiOperation({ summary: 'Register a trusted issuer: its DID with its DID document (did:web...) or its Ed25519 publicKeyMultibase; a registrar for its own institution' })
  @ApiCreatedResponse({ description: '{ id: the entry id, revision (of the registry), replayed, eventIds, position } and an ETag', schema: COMMAND_RESPONSE })
  @ApiBadRequestResponse({ description: 'Not a DID, a document of another DID or with methods of another DID, not exactly one of didDocument / publicKeyMultibase, an unknown institution (with its pointer)' })
  @ApiForbiddenResponse({ description: 'A registrar registering for another institution' })
  @ApiConflictResponse({ description: 'The DID is already an active trusted issuer' })
  async register(@Body() body: RegisterTrustedIssuerDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<CommandResponse> {
    const { id, outcome } = await this.handler.register(body, ctx);
    return commandResponse(res, id, outcome);
  }

  @Get()
  @ReadAfterPosition('event-log')
  @Roles('admin', 'issuer', 'submitter', 'registrar', 'auditor')
  @ApiOperation({ summary: 'The trusted issuers, oldest first: active ones, or all with includeRetired; of one institution with institutionId' })
  @ApiOkResponse({ description: 'The entries and the registry revision', schema: TRUSTED_ISSUER_LIST })
  async list(@Query() query: TrustedIssuersQueryDto, @Res({ passthrough: true }) res: HeaderResponse): Promise<{ trustedIssuers: TrustedIssuerEntry[]; revision: number }> {
    const trustedIssuers = await this.registry.entries({ institutionId: query.institutionId, includeRetired: query.includeRetired });
    const revision = this.registry.currentRevision;
    res.header('ETag', etagOf(revision));
    return { trustedIssuers, revision };
  }

  @Get(':trustedIssuerId')
  @ReadAfterPosition('event-log')
  @Roles('admin', 'issuer', 'submitter', 'registrar', 'auditor')
  @ApiOperation({ summary: 'A trusted-issuer entry, active or retired; ETag = the registry revision' })
  @ApiOkResponse({ description: 'The entry', schema: TRUSTED_ISSUER })
  @ApiNotFoundResponse({ description: 'No entry has this id' })
  async get(@Param() params: TrustedIssuerParams, @Res({ passthrough: true }) res: HeaderResponse): Promise<TrustedIssuerEntry> {
    const entry = await this.registry.entry(params.trustedIssuerId);
    if (!entry) throw refuse.notFound('trusted-issuer-not-found', `trusted issuer ${params.trustedIssuerId} is not registered`);
    res.header('ETag', etagOf(this.registry.currentRevision));
    return entry;
  }

  @Post(':trustedIssuerId/retirement')
  @HttpCode(200)
  @Roles('admin', 'registrar')
  @ApiOperation({ summary: 'Retire a trusted issuer: its credentials verify as untrusted from now on (the entry stays, for the record)' })
  @ApiOkResponse({ description: '{ id, revision, replayed, eventIds, position } and an ETag', schema: COMMAND_RESPONSE })
  @ApiForbiddenResponse({ description: 'A registrar retiring another institution’s trusted issuer' })
  @ApiNotFoundResponse({ description: 'No entry has this id' })
  @ApiConflictResponse({ description: 'Already retired, or If-Match names another registry revision' })
  async retire(
    @Param() params: TrustedIssuerParams,
    @Body() body: RetireTrustedIssuerDto,
    @Command() ctx: CommandContext,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<CommandResponse> {
    const { id, outcome } = await this.handler.retire(params.trustedIssuerId, body.reason, ctx);
    return commandResponse(res, id, outcome);
  }
}
