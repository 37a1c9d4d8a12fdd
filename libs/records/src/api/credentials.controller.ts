import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandContext } from '@app/event-store';
import { Command, COMMAND_RESPONSE, commandResponse, CommandResponse, HeaderResponse, Roles } from '@app/platform';
import { CredentialCommandsHandler } from '../application/credential-commands.handler';
import { AwardCredentialDto, CredentialParams, RevokeCredentialDto } from './credential.dto';
import { LearnerParams } from './learner.dto';


/** Micro-credentials awarded over a stack of completions, and their revocation. */
@ApiTags('records: credentials')
@ApiBearerAuth()
@Controller('learners/:learnerId/credentials')
export class CredentialsController {
  constructor(private readonly credentials: CredentialCommandsHandler) {}

  @Post()
  @Roles('issuer')
  @ApiOperation({ summary: "Award a micro-credential over a stack of this learner's completions that you recorded" })
  @ApiCreatedResponse({ description: '{ id: credentialId, revision, replayed, eventIds, position } and an ETag', schema: COMMAND_RESPONSE })
  @ApiForbiddenResponse({ description: 'A completion of the stack was recorded by another issuer' })
  @ApiNotFoundResponse({ description: 'Unknown learner' })
  @ApiForbiddenResponse({ description: 'A completion of the stack was recorded by another issuer; the code is defined by another issuer' })
  @ApiConflictResponse({ description: "A completion of the stack is not on the learner's record; a complete credential over a completion that is not passed (failed-completion-in-stack) or over a stack that misses a component of the code's definition (credential-requirements-not-met: each in errors[], with its pointer); a definition version that is not published" })
  async award(
    @Param() params: LearnerParams,
    @Body() body: AwardCredentialDto,
    @Command() ctx: CommandContext,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<CommandResponse> {
    const result = await this.credentials.award(params.learnerId, body, ctx);
    return commandResponse(res, result.id, result.outcome);
  }

  @Post(':credentialId/revocation')
  @Roles('issuer')
  @ApiOperation({ summary: 'Revoke a credential you awarded' })
  @ApiCreatedResponse({ description: '{ id: credentialId, revision, replayed, eventIds, position } and an ETag', schema: COMMAND_RESPONSE })
  @ApiForbiddenResponse({ description: 'Awarded by another issuer' })
  @ApiNotFoundResponse({ description: 'Unknown learner or credential' })
  @ApiConflictResponse({ description: 'Already revoked' })
  async revoke(
    @Param() params: CredentialParams,
    @Body() body: RevokeCredentialDto,
    @Command() ctx: CommandContext,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<CommandResponse> {
    const result = await this.credentials.revoke(params.learnerId, params.credentialId, body, ctx);
    return commandResponse(res, result.id, result.outcome);
  }
}
