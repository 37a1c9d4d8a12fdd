import { Body, Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandContext } from '@app/event-store';
import { refuse } from '@app/kernel';
import { AccessRegistry, Command, COMMAND_RESPONSE, commandResponse, CommandResponse, CurrentPrincipal, HeaderResponse, Principal, Public, Roles, ReadAfterPosition } from '@app/platform';
import { CREDENTIALS_CONFIG, CredentialsConfig } from '../config/credentials.config';
import { statusListIdOf } from '../issuing/recognition.events';
import { offlineDocumentLoader } from '../jsonld/document-loader';
import { didWebDocument } from '../keys/did-documents';
import { currentKey } from '../keys/institution-keys.decider';
import { InstitutionKeys } from '../keys/institution-keys.service';
import { InstitutionParams, RotateKeyDto } from './credentials.dto';
import { DID_DOCUMENT, INSTITUTION_KEYS } from './credentials.responses';

/** Institution signing keys: public parts for anyone, rotation for the admin and the institution's registrars. */
@ApiTags('credentials: institution keys')
@Controller('institutions')
export class InstitutionKeysController {
  private readonly didKeys = offlineDocumentLoader();

  constructor(
    private readonly keys: InstitutionKeys,
    private readonly access: AccessRegistry,
    @Inject(CREDENTIALS_CONFIG) private readonly config: CredentialsConfig,
  ) {}

  @Post(':institutionId/keys/rotation')
  @Roles('admin', 'registrar')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Rotate the institution's signing key (InstitutionKeyRotated): later credentials and a new status list are signed with the new key" })
  @ApiCreatedResponse({ description: '{ id: institutionId, revision, replayed, eventIds, position }', schema: COMMAND_RESPONSE })
  @ApiNotFoundResponse({ description: 'Unknown institution (institution-not-found)' })
  async rotate(@Param() params: InstitutionParams, @Body() body: RotateKeyDto, @CurrentPrincipal() principal: Principal, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<CommandResponse> {
    await this.known(params.institutionId);
    if (principal.role === 'registrar' && principal.institutionId !== params.institutionId) {
      throw refuse.forbidden('not-your-institution', `a registrar of ${principal.institutionId} may not rotate the keys of ${params.institutionId}`);
    }
    return commandResponse(res, params.institutionId, await this.keys.rotate(params.institutionId, body.reason ?? null, ctx));
  }

  @Get(':institutionId/keys')
  @ReadAfterPosition('event-log')
  @Public()
  @ApiOperation({ summary: "The institution's signing keys, public parts only (oldest first)" })
  @ApiOkResponse({ description: 'Its keys (empty before its first issuance or rotation)', schema: INSTITUTION_KEYS })
  @ApiNotFoundResponse({ description: 'Unknown institution (institution-not-found)' })
  async list(@Param() params: InstitutionParams): Promise<Record<string, unknown>> {
    await this.known(params.institutionId);
    const { keys } = await this.keys.state(params.institutionId);
    return {
      institutionId: params.institutionId,
      keys: keys.map((k) => ({ sequence: k.sequence, did: k.did, keyId: k.keyId, publicKeyMultibase: k.publicKeyMultibase, statusListId: statusListIdOf(params.institutionId, k.sequence), since: k.since, retiredOn: k.retiredOn })),
    };
  }

  @Get(':institutionId/did.json')
  @Public()
  @ApiOperation({ summary: 'DID document: did:web (PUBLIC_DID_WEB_HOST set; this route is where did:web:<host>:institutions:<id> resolves) or the did:key of the key in force' })
  @ApiOkResponse({ description: 'The DID document', schema: DID_DOCUMENT })
  @ApiNotFoundResponse({ description: 'Unknown institution, or no key yet (institution-key-not-found)' })
  async did(@Param() params: InstitutionParams): Promise<Record<string, unknown>> {
    await this.known(params.institutionId);
    const state = await this.keys.state(params.institutionId);
    const current = currentKey(state);
    if (!current) throw refuse.notFound('institution-key-not-found', `institution ${params.institutionId} has no signing key yet: one is generated at its first issuance or rotation`);
    if (this.config.didWebHost) return didWebDocument(this.config.didWebHost, params.institutionId, state.keys);
    const { document } = await this.didKeys(current.did);
    return document as Record<string, unknown>;
  }

  private async known(institutionId: string): Promise<void> {
    await this.access.refresh();
    if (!this.access.institution(institutionId)) throw refuse.notFound('institution-not-found', `no institution ${institutionId}`);
  }
}
