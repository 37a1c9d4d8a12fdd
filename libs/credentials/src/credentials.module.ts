import { Module } from '@nestjs/common';
import { TrustedIssuersModule } from './trusted-issuers/trusted-issuers.module';

/**
 * The credentials context: verifying presented credentials (Open Badges 3.0, W3C VC 1.1/2.0,
 * VC-JWT, CLR 2.0) offline, the trusted-issuer and status-list registries, institution keys and
 * the recognition credentials the system issues. Needs EventStoreModule and AccessModule in the app.
 */
@Module({
  imports: [
    TrustedIssuersModule,
  ],
  exports: [
    // TRUSTED_ISSUERS (the TrustedIssuerDirectory) and TrustedIssuerRegistry.
    TrustedIssuersModule,
  ],
})
export class CredentialsModule {}
