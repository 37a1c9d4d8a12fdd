import { BadRequestException, Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandContext, EVENT_STORE, EventStore, idFor, runCommand } from '@app/event-store';
import { accessDecider } from '../domain/access.decider';
import { ACCESS_STREAM } from '../domain/access.events';
import { AccessRegistry } from '../auth/access-registry';
import { Roles } from '../auth/auth.decorators';
import { newCredentialToken } from '../auth/credential-token';
import { Command } from '../../http/command-context.decorator';
import { commandResponse, CommandResponse, HeaderResponse } from '../../http/command-response';
import { COMMAND_RESPONSE } from '../../http/command-response.schema';
import { INSTITUTION, ISSUED_CREDENTIAL } from './access.responses';
import { ReadAfterPosition } from '../../http/read-after-position';
import { IssueCredentialDto, IssuedCredentialDto, RegisterInstitutionDto, RevokeCredentialDto } from './access.dto';


/** Admin provisioning: institutions and their credentials. */
@ApiTags('access')
@ApiBearerAuth()
@Controller()
export class AccessController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: AccessRegistry,
  ) {}

  @Post('institutions')
  @Roles('admin')
  @ApiOperation({ summary: 'Register an institution (issuer and/or receiving)' })
  @ApiCreatedResponse({ description: 'Registered: { id, revision, replayed, eventIds, position } (revision: of the access stream; position: global, for minPosition)', schema: COMMAND_RESPONSE })
  async register(@Body() body: RegisterInstitutionDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<CommandResponse> {
    const outcome = await runCommand(this.store, accessDecider, ACCESS_STREAM, { kind: 'RegisterInstitution', ...body }, ctx, { resource: { type: 'institution', id: body.institutionId } });
    await this.registry.refresh();
    return commandResponse(res, body.institutionId, outcome);
  }

  @Get('institutions/:institutionId')
  @Roles('admin', 'issuer', 'submitter', 'registrar', 'auditor')
  @ReadAfterPosition('event-log')
  @ApiOperation({ summary: 'An institution as registered' })
  @ApiOkResponse({ description: 'The institution', schema: INSTITUTION })
  async institution(@Param('institutionId') institutionId: string) {
    await this.registry.refresh();
    const institution = this.registry.institution(institutionId);
    if (!institution) throw new NotFoundException(`institution ${institutionId} is not registered`);
    return { institutionId, ...institution };
  }

  @Post('institutions/:institutionId/credentials')
  @Roles('admin')
  @ApiOperation({ summary: 'Issue a credential (bearer token) for an institution and role; the token is shown once' })
  @ApiCreatedResponse({ description: 'The credential and its token (shown once)', schema: ISSUED_CREDENTIAL })
  async issue(
    @Param('institutionId') institutionId: string,
    @Body() body: IssueCredentialDto,
    @Command() ctx: CommandContext,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<IssuedCredentialDto> {
    if (ctx.idempotencyKey) {
      // A replay could not show the secret again (only its hash is stored): refuse the header.
      throw new BadRequestException('header Idempotency-Key is not supported when issuing credentials: the secret is shown once');
    }
    const issued = newCredentialToken(idFor(ctx, 'credential'));
    const command = {
      kind: 'IssueCredential' as const,
      credentialId: issued.credentialId,
      institutionId,
      role: body.role,
      label: body.label,
      secretHash: issued.secretHash,
      auditScope: body.auditScope ?? [],
    };
    const outcome = await runCommand(this.store, accessDecider, ACCESS_STREAM, command, ctx, { resource: { type: 'credentials of institution', id: institutionId } });
    await this.registry.refresh();
    const { position } = commandResponse(res, issued.credentialId, outcome);
    return { credentialId: issued.credentialId, institutionId, role: body.role, token: issued.token, position };
  }

  @Post('credentials/:credentialId/revoke')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Revoke a credential; it stops working at once in this process' })
  @ApiOkResponse({ description: '{ id, revision, replayed, eventIds, position }', schema: COMMAND_RESPONSE })
  async revoke(
    @Param('credentialId') credentialId: string,
    @Body() body: RevokeCredentialDto,
    @Command() ctx: CommandContext,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<CommandResponse> {
    const outcome = await runCommand(this.store, accessDecider, ACCESS_STREAM, { kind: 'RevokeCredential', credentialId, reason: body.reason }, ctx, { resource: { type: 'credential', id: credentialId } });
    await this.registry.refresh();
    return commandResponse(res, credentialId, outcome);
  }
}
