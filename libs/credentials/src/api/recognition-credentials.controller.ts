import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { refuse } from '@app/kernel';
import { CurrentPrincipal, Principal, ReadAfterPosition, Roles } from '@app/platform';
import { TransferRequestQueries } from '@app/transfer';
import { RecognitionIssuer } from '../issuing/recognition-issuer';
import { RecognitionRequestParams } from './credentials.dto';
import { RECOGNITION_CREDENTIAL, RECOGNITION_CREDENTIAL_HISTORY } from './credentials.responses';

/**
 * The recognition credentials of a transfer request, for whoever may read the request (its
 * parties and auditors in scope, as GET /transfer-requests/{id}; others 404). A read makes sure
 * the decision in force is issued (what the reactor does, idempotently), so it never lags.
 */
@ApiTags('credentials: recognition')
@ApiBearerAuth()
@Controller('transfer-requests')
export class RecognitionCredentialsController {
  constructor(
    private readonly requests: TransferRequestQueries,
    private readonly issuer: RecognitionIssuer,
  ) {}

  @Get(':requestId/recognition-credential')
  @ReadAfterPosition('event-log')
  @Roles('submitter', 'registrar', 'auditor')
  @ApiOperation({ summary: 'The signed OB3 AchievementCredential stating the decision in force (receiving institution to learner)' })
  @ApiOkResponse({ description: 'The credential as issued and recorded (RecognitionCredentialIssued)', schema: RECOGNITION_CREDENTIAL })
  @ApiNotFoundResponse({ description: 'Unknown or not visible (request-not-found), or not decided / withdrawn (recognition-credential-not-found)' })
  async current(@Param() params: RecognitionRequestParams, @CurrentPrincipal() principal: Principal): Promise<Record<string, unknown>> {
    const view = await this.requests.view(params.requestId, principal);
    const current = await this.issuer.sync(params.requestId);
    if (!current) {
      throw refuse.notFound('recognition-credential-not-found', `transfer request ${params.requestId} is ${view.status}: a recognition credential is issued once it is decided, and none is in force after a withdrawal`);
    }
    return current.credential;
  }

  @Get(':requestId/recognition-credentials')
  @ReadAfterPosition('event-log')
  @Roles('submitter', 'registrar', 'auditor')
  @ApiOperation({ summary: 'Every recognition credential issued for the request, oldest first, with revocations' })
  @ApiOkResponse({ description: 'Issued and revoked credentials (empty before a decision)', schema: RECOGNITION_CREDENTIAL_HISTORY })
  @ApiNotFoundResponse({ description: 'Unknown or not visible (request-not-found)' })
  async history(@Param() params: RecognitionRequestParams, @CurrentPrincipal() principal: Principal): Promise<Record<string, unknown>> {
    const view = await this.requests.view(params.requestId, principal);
    await this.issuer.sync(params.requestId);
    const state = await this.issuer.recognition(view.request.receivingInstitution);
    const credentials = (state.byRequest[params.requestId] ?? []).map((id) => {
      const { requestId: _r, ...credential } = state.credentials[id];
      return credential;
    });
    return { requestId: params.requestId, credentials };
  }
}
