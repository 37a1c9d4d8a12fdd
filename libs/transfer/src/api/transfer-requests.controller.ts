import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandContext } from '@app/event-store';
import { Command, COMMAND_RESPONSE, commandResponse, CommandResponse, CurrentPrincipal, etagOf, HeaderResponse, Principal, ReadAfterPosition, Roles } from '@app/platform';
import { SubmitTransferRequestHandler } from '../application/submit-transfer-request.handler';
import { TransferRequestDecisionsHandler } from '../application/transfer-request-decisions.handler';
import { TransferRequestQueries, TransferRequestView } from '../application/transfer-request.queries';
import { AppealDto, DecideItemsDto, GrantExceptionDto, RequestParams, ReviseDto, SubmitTransferRequestDto, WithdrawDto } from './transfer-request.dto';
import { TRANSFER_REQUEST_VIEW } from './transfer-request.responses';


/** Credit-transfer requests: submitted (and evaluated at once), decided, appealed, revised, withdrawn. */
@ApiTags('transfer: requests')
@ApiBearerAuth()
@Controller('transfer-requests')
export class TransferRequestsController {
  constructor(
    private readonly submitter: SubmitTransferRequestHandler,
    private readonly decisions: TransferRequestDecisionsHandler,
    private readonly queries: TransferRequestQueries,
  ) {}

  @Post()
  @Roles('submitter')
  @ApiOperation({ summary: 'Submit a request for a learner toward a program; the automatic evaluation is recorded in the same append' })
  @ApiCreatedResponse({ description: '{ id: requestId, revision, replayed, eventIds, position } (RequestSubmitted + RequestEvaluated)', schema: COMMAND_RESPONSE })
  async submit(@Body() body: SubmitTransferRequestDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<CommandResponse> {
    const { id, outcome } = await this.submitter.submit(body, ctx);
    return commandResponse(res, id, outcome);
  }

  @Get(':requestId')
  @Roles('submitter', 'registrar', 'auditor')
  @ReadAfterPosition('event-log')
  @ApiOperation({ summary: 'A request with its evaluation, decisions, exceptions and appeals (its parties and auditors in scope; others 404)' })
  @ApiOkResponse({ description: 'The request as its stream folds it, with its events; ETag = stream revision', schema: TRANSFER_REQUEST_VIEW })
  async view(@Param() params: RequestParams, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: HeaderResponse): Promise<TransferRequestView> {
    const view = await this.queries.view(params.requestId, principal);
    res.header('ETag', etagOf(view.revision));
    return view;
  }

  @Post(':requestId/decision')
  @Roles('registrar')
  @ApiOperation({ summary: 'Decide every item (registrar of the receiving institution); a decision that differs from the proposal needs overrideReason' })
  @ApiCreatedResponse({ description: '{ id, revision, replayed, eventIds, position }', schema: COMMAND_RESPONSE })
  @ApiNotFoundResponse({ description: 'Unknown request, or one the caller is no party to (the same answer: request-not-found)' })
  @ApiConflictResponse({ description: 'Withdrawn, not evaluated, already decided, or stale If-Match' })
  async decide(@Param() params: RequestParams, @Body() body: DecideItemsDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<CommandResponse> {
    return commandResponse(res, params.requestId, await this.decisions.decide(params.requestId, body.items, ctx, body.occurredAt));
  }

  @Post(':requestId/exceptions')
  @Roles('registrar')
  @ApiOperation({ summary: 'Grant a waiver or substitution keyed by a rule path of the request’s program version' })
  @ApiCreatedResponse({ description: '{ id: exceptionId, revision, replayed, eventIds, position }', schema: COMMAND_RESPONSE })
  async grantException(@Param() params: RequestParams, @Body() body: GrantExceptionDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<CommandResponse> {
    const { exceptionId, outcome } = await this.decisions.grantException(params.requestId, body, ctx);
    return commandResponse(res, exceptionId, outcome);
  }

  @Post(':requestId/appeal')
  @Roles('submitter')
  @ApiOperation({ summary: 'Appeal a decision (the submitting institution), with grounds' })
  @ApiCreatedResponse({ description: '{ id, revision, replayed, eventIds, position }', schema: COMMAND_RESPONSE })
  async appeal(@Param() params: RequestParams, @Body() body: AppealDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<CommandResponse> {
    return commandResponse(res, params.requestId, await this.decisions.appeal(params.requestId, body, ctx));
  }

  @Post(':requestId/revision')
  @Roles('registrar')
  @ApiOperation({ summary: 'Revise the decision after an appeal or a change of evidence: at least the contested and changed items; the others keep their decision (registrar of the receiving institution)' })
  @ApiCreatedResponse({ description: '{ id, revision, replayed, eventIds, position }', schema: COMMAND_RESPONSE })
  async revise(@Param() params: RequestParams, @Body() body: ReviseDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<CommandResponse> {
    return commandResponse(res, params.requestId, await this.decisions.revise(params.requestId, body, ctx));
  }

  @Post(':requestId/withdrawal')
  @HttpCode(201)
  @Roles('submitter')
  @ApiOperation({ summary: 'Withdraw the request before a decision (the submitting institution)' })
  @ApiCreatedResponse({ description: '{ id, revision, replayed, eventIds, position }', schema: COMMAND_RESPONSE })
  async withdraw(@Param() params: RequestParams, @Body() body: WithdrawDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<CommandResponse> {
    return commandResponse(res, params.requestId, await this.decisions.withdraw(params.requestId, body, ctx));
  }
}
