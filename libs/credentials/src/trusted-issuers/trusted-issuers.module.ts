import { Module } from '@nestjs/common';
import { TrustedIssuersController } from './api/trusted-issuers.controller';
import { TrustedIssuerCommandsHandler } from './application/trusted-issuer-commands.handler';
import { TrustedIssuerRegistry } from './application/trusted-issuer-registry';
import { TRUSTED_ISSUERS } from '../verification/trust.ports';

/** The trusted-issuer registry: its API, its command handler, and the TrustedIssuerDirectory (TRUSTED_ISSUERS). */
@Module({
  controllers: [TrustedIssuersController],
  providers: [TrustedIssuerRegistry, TrustedIssuerCommandsHandler, { provide: TRUSTED_ISSUERS, useExisting: TrustedIssuerRegistry }],
  exports: [TRUSTED_ISSUERS, TrustedIssuerRegistry],
})
export class TrustedIssuersModule {}
