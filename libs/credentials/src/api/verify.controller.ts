import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ROLES, Roles } from '@app/platform';
import { CredentialVerifier } from '../verification/credential-verifier';
import { VerificationReport } from '../verification/verification.report';
import { VerifyCredentialDto } from './verify.dto';
import { VERIFICATION_REPORT } from './verify.responses';

/** Verifies a presented credential offline. Writes nothing. */
@ApiTags('credentials: verification')
@ApiBearerAuth()
@Controller('credentials')
export class VerifyController {
  constructor(private readonly verifier: CredentialVerifier) {}

  @Post('verify')
  @HttpCode(200)
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'Verify an Open Badges 3.0 / W3C VC / CLR 2.0 credential or a VC-JWT, offline',
    description:
      'Checks the proof (eddsa-rdfc-2022, Ed25519Signature2020, VC-JWT EdDSA/ES256), the issuer against the trusted-issuer registry, the status (Bitstring Status List, from the lists given or registered), the validity at referenceDate and the OB 3.0 JSON Schema. Nothing is fetched: an unknown context or key is a failed check naming it. A credential that fails is a 200 with verified false.',
  })
  @ApiOkResponse({ description: 'The outcome of every check', schema: VERIFICATION_REPORT })
  @ApiBadRequestResponse({ description: 'A malformed body (each error with its JSON pointer)' })
  @ApiUnauthorizedResponse({ description: 'No valid bearer credential' })
  verify(@Body() body: VerifyCredentialDto): Promise<VerificationReport> {
    return this.verifier.verify({ credential: body.credential, statusLists: body.statusLists, referenceDate: body.referenceDate ? new Date(body.referenceDate) : undefined });
  }
}
