import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandContext } from '@app/event-store';
import { Command, COMMAND_RESPONSE, commandResponse, CommandResponse, CurrentPrincipal, etagOf, HeaderResponse, Principal, ReadAfterPosition, Roles } from '@app/platform';
import { LearnerExceptionsHandler, LearnerExceptionsView } from '../application/learner-exceptions.handler';
import { CarryLearnerExceptionForwardDto, GrantLearnerExceptionDto, LearnerExceptionParams, LearnerExceptionsParams, RevokeLearnerExceptionDto } from './learner-exception.dto';
import { LEARNER_EXCEPTIONS_VIEW } from './learner-exception.responses';

/**
 * Exceptions for a learner, not on a request: a receiving registrar waives or substitutes a rule
 * of one version of its program; eligibility, what-if and as-of apply it when that version is
 * evaluated, and report it not applied (with why) under another version until it is carried forward.
 */
@ApiTags('transfer: learner exceptions')
@ApiBearerAuth()
@Controller('learners/:learnerId/exceptions')
export class LearnerExceptionsController {
  constructor(private readonly handler: LearnerExceptionsHandler) {}

  @Post()
  @Roles('registrar')
  @ApiOperation({ summary: 'Grant a learner a waiver or substitution keyed by a rule path of a version of your program' })
  @ApiCreatedResponse({ description: '{ id: exceptionId, revision, replayed, eventIds, position } (LearnerExceptionGranted)', schema: COMMAND_RESPONSE })
  @ApiBadRequestResponse({ description: 'Unknown program version (/programVersion), rule path not in it (/rulePath), substitution item the learner does not hold (/itemId)' })
  @ApiNotFoundResponse({ description: 'Not a program of your institution, or unknown learner' })
  @ApiConflictResponse({ description: 'The same exception is already granted, or stale If-Match' })
  async grant(@Param() params: LearnerExceptionsParams, @Body() body: GrantLearnerExceptionDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<CommandResponse> {
    const { exceptionId, outcome } = await this.handler.grant(params.learnerId, body, ctx);
    return commandResponse(res, exceptionId, outcome);
  }

  @Get()
  @Roles('registrar')
  @ReadAfterPosition('event-log')
  @ApiOperation({ summary: 'The exceptions your institution granted the learner, with the versions each is bound to and revocations' })
  @ApiOkResponse({ description: 'The stream folded; ETag = stream revision', schema: LEARNER_EXCEPTIONS_VIEW })
  async list(@Param() params: LearnerExceptionsParams, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: HeaderResponse): Promise<LearnerExceptionsView> {
    const view = await this.handler.view(params.learnerId, principal.institutionId);
    if (view.revision !== null) res.header('ETag', etagOf(view.revision));
    return view;
  }

  @Post(':exceptionId/carry-forward')
  @Roles('registrar')
  @ApiOperation({ summary: 'Bind an exception to another version of its program (where its rule path exists), explicitly' })
  @ApiCreatedResponse({ description: '{ id: exceptionId, revision, replayed, eventIds, position } (LearnerExceptionCarriedForward)', schema: COMMAND_RESPONSE })
  @ApiBadRequestResponse({ description: 'Unknown version, or its rule path is not in it (/toVersion)' })
  @ApiNotFoundResponse({ description: 'Unknown exception' })
  @ApiConflictResponse({ description: 'Revoked, already bound to that version, or stale If-Match' })
  async carryForward(@Param() params: LearnerExceptionParams, @Body() body: CarryLearnerExceptionForwardDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<CommandResponse> {
    return commandResponse(res, params.exceptionId, await this.handler.carryForward(params.learnerId, params.exceptionId, body, ctx));
  }

  @Post(':exceptionId/revocation')
  @Roles('registrar')
  @ApiOperation({ summary: 'Revoke an exception: it applies under no version from then on' })
  @ApiCreatedResponse({ description: '{ id: exceptionId, revision, replayed, eventIds, position } (LearnerExceptionRevoked)', schema: COMMAND_RESPONSE })
  @ApiNotFoundResponse({ description: 'Unknown exception' })
  @ApiConflictResponse({ description: 'Already revoked, or stale If-Match' })
  async revoke(@Param() params: LearnerExceptionParams, @Body() body: RevokeLearnerExceptionDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<CommandResponse> {
    return commandResponse(res, params.exceptionId, await this.handler.revoke(params.learnerId, params.exceptionId, body, ctx));
  }
}
