import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandContext } from '@app/event-store';
import { Command, COMMAND_RESPONSE, CommandResponse, commandResponse, etagOf, HeaderResponse, ReadAfterPosition, Roles } from '@app/platform';
import { LearnerCommandsHandler } from '../application/learner-commands.handler';
import { RecordsStreamReader } from '../application/stream-reader';
import { LearnerRecord } from '../domain/learner-record';
import { CompletionParams, CorrectCompletionDto, LearnerParams, RecordCompletionDto, RecordEnrollmentDto, RegisterLearnerDto, WithdrawCompletionDto } from './learner.dto';
import { LEARNER_RECORD } from './records.responses';


/** Learners, their enrollments and completions. */
@ApiTags('records: learners')
@ApiBearerAuth()
@Controller('learners')
export class LearnersController {
  constructor(
    private readonly learners: LearnerCommandsHandler,
    private readonly reader: RecordsStreamReader,
  ) {}

  @Post()
  @Roles('issuer', 'submitter')
  @ApiOperation({ summary: 'Register a learner under a new pseudonymous id (no personal data)' })
  @ApiCreatedResponse({ description: '{ id: learnerId, revision, replayed, eventIds, position } and an ETag', schema: COMMAND_RESPONSE })
  async register(@Body() body: RegisterLearnerDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<CommandResponse> {
    const result = await this.learners.register(body, ctx);
    return commandResponse(res, result.id, result.outcome);
  }

  @Get(':learnerId/record')
  @Roles('issuer', 'submitter', 'registrar', 'auditor')
  @ReadAfterPosition('event-log')
  @ApiOperation({ summary: "The learner's record: enrollments, completions (current grades), credentials (revoked ones marked); ETag = stream revision" })
  @ApiOkResponse({ description: 'The folded record', schema: LEARNER_RECORD })
  @ApiNotFoundResponse({ description: 'Unknown learner' })
  async record(@Param() params: LearnerParams, @Res({ passthrough: true }) res: HeaderResponse): Promise<LearnerRecord & { revision: number }> {
    const { record, revision } = await this.reader.learnerRecord(params.learnerId);
    res.header('ETag', etagOf(revision));
    return { ...record, revision };
  }

  @Post(':learnerId/enrollments')
  @Roles('issuer')
  @ApiOperation({ summary: 'Record an enrollment in one of your courses' })
  @ApiCreatedResponse({ description: '{ id: enrollmentId, revision, replayed, eventIds, position } and an ETag', schema: COMMAND_RESPONSE })
  @ApiForbiddenResponse({ description: "Another issuer's course" })
  @ApiNotFoundResponse({ description: 'Unknown learner or course' })
  async enroll(
    @Param() params: LearnerParams,
    @Body() body: RecordEnrollmentDto,
    @Command() ctx: CommandContext,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<CommandResponse> {
    const result = await this.learners.enroll(params.learnerId, body, ctx);
    return commandResponse(res, result.id, result.outcome);
  }

  @Post(':learnerId/completions')
  @Roles('issuer')
  @ApiOperation({ summary: 'Record a completion of one of your courses (defaults from the course)' })
  @ApiCreatedResponse({ description: '{ id: completionId, revision, replayed, eventIds, position } and an ETag', schema: COMMAND_RESPONSE })
  @ApiForbiddenResponse({ description: "Another issuer's course" })
  @ApiNotFoundResponse({ description: 'Unknown learner, course or enrollment' })
  async complete(
    @Param() params: LearnerParams,
    @Body() body: RecordCompletionDto,
    @Command() ctx: CommandContext,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<CommandResponse> {
    const result = await this.learners.complete(params.learnerId, body, ctx);
    return commandResponse(res, result.id, result.outcome);
  }

  @Post(':learnerId/completions/:completionId/corrections')
  @Roles('issuer')
  @ApiOperation({ summary: 'Regrade a completion you recorded' })
  @ApiCreatedResponse({ description: '{ id: completionId, revision, replayed, eventIds, position } and an ETag', schema: COMMAND_RESPONSE })
  @ApiForbiddenResponse({ description: 'Recorded by another issuer' })
  @ApiNotFoundResponse({ description: 'Unknown learner or completion' })
  async correct(
    @Param() params: CompletionParams,
    @Body() body: CorrectCompletionDto,
    @Command() ctx: CommandContext,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<CommandResponse> {
    const result = await this.learners.correct(params.learnerId, params.completionId, body, ctx);
    return commandResponse(res, result.id, result.outcome);
  }

  @Post(':learnerId/completions/:completionId/withdrawal')
  @Roles('issuer')
  @ApiOperation({
    summary: 'Withdraw a completion you recorded in error (with a reason): it is then evidence of nothing; decided requests that relied on it are flagged',
  })
  @ApiCreatedResponse({ description: '{ id: completionId, revision, replayed, eventIds, position } and an ETag', schema: COMMAND_RESPONSE })
  @ApiForbiddenResponse({ description: 'Recorded by another issuer' })
  @ApiNotFoundResponse({ description: 'Unknown learner or completion' })
  @ApiConflictResponse({ description: 'Already withdrawn, or in the stack of a complete credential that is not revoked (revoke it first)' })
  async withdraw(
    @Param() params: CompletionParams,
    @Body() body: WithdrawCompletionDto,
    @Command() ctx: CommandContext,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<CommandResponse> {
    const result = await this.learners.withdraw(params.learnerId, params.completionId, body, ctx);
    return commandResponse(res, result.id, result.outcome);
  }
}
