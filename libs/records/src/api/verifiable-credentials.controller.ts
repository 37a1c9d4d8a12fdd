import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CommandContext } from '@app/event-store';
import { apiSchema, Command, COMMAND_RESPONSE, CommandResponse, commandResponse, etagOf, HeaderResponse, ReadAfterPosition, Roles, s } from '@app/platform';
import { RecordsStreamReader } from '../application/stream-reader';
import { VerifiableCredentialCommandsHandler } from '../application/verifiable-credential-commands.handler';
import { presentedCredentialsOf, PresentedCredentialView } from '../domain/presented-credential-view';
import { LearnerParams } from './learner.dto';
import { PRESENTED_CREDENTIAL, PRESENTED_CREDENTIAL_DOCUMENT } from './records.responses';
import { PresentCredentialDto, PresentedCredentialParams, RecheckCredentialDto } from './verifiable-credential.dto';

const PRESENTED_LIST = apiSchema('PresentedCredentials', s.object({ learnerId: s.string(), verifiableCredentials: s.array(PRESENTED_CREDENTIAL), revision: s.integer() }));

/** A learner's signed credentials (Open Badges 3.0, W3C VC, CLR 2.0, VC-JWT) presented as evidence. */
@ApiTags('records: verifiable credentials')
@ApiBearerAuth()
@Controller('learners/:learnerId/verifiable-credentials')
export class VerifiableCredentialsController {
  constructor(
    private readonly handler: VerifiableCredentialCommandsHandler,
    private readonly reader: RecordsStreamReader,
  ) {}

  @Post()
  @Roles('submitter', 'registrar', 'issuer')
  @ApiOperation({
    summary:
      'Present a signed credential as evidence: verified offline (proof, validity, status, trusted issuer) and recorded only when it verifies; its credit-bearing achievements become evidence a transfer request can name',
  })
  @ApiCreatedResponse({ description: '{ id: vcId, revision, replayed, eventIds, position } and an ETag', schema: COMMAND_RESPONSE })
  @ApiForbiddenResponse({ description: 'A submitter for a learner it did not register, or an issuer presenting a credential it did not issue' })
  @ApiNotFoundResponse({ description: 'Unknown learner' })
  @ApiConflictResponse({ description: 'This credential (same digest) was presented before' })
  @ApiUnprocessableEntityResponse({ description: 'The credential did not verify, or its issuer is not trusted: the checks are in the answer; nothing is recorded' })
  async present(@Param() params: LearnerParams, @Body() body: PresentCredentialDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<CommandResponse> {
    const result = await this.handler.present(params.learnerId, body, ctx);
    return commandResponse(res, result.id, result.outcome);
  }

  @Get()
  @Roles('issuer', 'submitter', 'registrar', 'auditor')
  @ReadAfterPosition('event-log')
  @ApiOperation({ summary: "The learner's presented credentials, each with its current status and its achievements as evidence" })
  @ApiOkResponse({ description: 'The presented credentials', schema: PRESENTED_LIST })
  @ApiNotFoundResponse({ description: 'Unknown learner' })
  async list(@Param() params: LearnerParams, @Res({ passthrough: true }) res: HeaderResponse): Promise<{ learnerId: string; verifiableCredentials: PresentedCredentialView[]; revision: number }> {
    const { record, revision } = await this.reader.learnerRecord(params.learnerId);
    res.header('ETag', etagOf(revision));
    return { learnerId: params.learnerId, verifiableCredentials: presentedCredentialsOf(record), revision };
  }

  @Get(':vcId')
  @Roles('issuer', 'submitter', 'registrar', 'auditor')
  @ReadAfterPosition('event-log')
  @ApiOperation({ summary: 'One presented credential: the document exactly as presented and the verification recorded with it' })
  @ApiOkResponse({ description: 'The presented credential', schema: PRESENTED_CREDENTIAL_DOCUMENT })
  @ApiNotFoundResponse({ description: 'Unknown learner or credential' })
  async one(@Param() params: PresentedCredentialParams, @Res({ passthrough: true }) res: HeaderResponse): Promise<Record<string, unknown>> {
    const { view, presented, revision } = await this.reader.presentedCredential(params.learnerId, params.vcId);
    res.header('ETag', etagOf(revision));
    return { credential: view, document: presented.document, verification: presented.verification, referenceDate: presented.referenceDate };
  }

  @Post(':vcId/recheck')
  @Roles('submitter', 'registrar', 'issuer')
  @ApiOperation({
    summary:
      'Check the status of a presented credential again (a newer status list, given or registered); a change to revoked or suspended flags the decided requests that rest on it',
  })
  @ApiCreatedResponse({ description: '{ id: vcId, revision, replayed, eventIds, position } and an ETag', schema: COMMAND_RESPONSE })
  @ApiNotFoundResponse({ description: 'Unknown learner or credential' })
  @ApiConflictResponse({ description: 'The same status list (same digest) was already read for it' })
  @ApiUnprocessableEntityResponse({ description: 'The stored credential no longer verifies (its proof)' })
  async recheck(
    @Param() params: PresentedCredentialParams,
    @Body() body: RecheckCredentialDto,
    @Command() ctx: CommandContext,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<CommandResponse> {
    const result = await this.handler.recheck(params.learnerId, params.vcId, body, ctx);
    return commandResponse(res, result.id, result.outcome);
  }
}
