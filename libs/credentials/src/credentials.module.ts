import { Global, Module } from '@nestjs/common';
import { CREDENTIAL_VERIFIER } from '@app/records';
import { PresentationVerifier } from './presentation/presentation-verifier';
import { StatusListsController } from './api/status-lists.controller';
import { VerifyController } from './api/verify.controller';
import { StatusListCommandsHandler } from './status-lists/status-list-commands.handler';
import { StoreStatusListDirectory } from './status-lists/store-status-list-directory';
import { CredentialVerifier } from './verification/credential-verifier';
import { STATUS_LISTS, TRUSTED_ISSUERS, TrustedIssuerDirectory } from './verification/trust.ports';
import { TrustedIssuersModule } from './trusted-issuers/trusted-issuers.module';

/**
 * The credentials context: verifying presented credentials (Open Badges 3.0, W3C VC 1.1/2.0,
 * VC-JWT, CLR 2.0) offline, the trusted-issuer and status-list registries, institution keys and
 * the recognition credentials the system issues. Needs EventStoreModule and AccessModule in the app.
 */
@Global()
@Module({
  // TrustedIssuersModule provides TRUSTED_ISSUERS (the store-backed TrustedIssuerDirectory) and the registry's routes.
  imports: [TrustedIssuersModule],
  controllers: [VerifyController, StatusListsController],
  providers: [
    StoreStatusListDirectory,
    { provide: STATUS_LISTS, useExisting: StoreStatusListDirectory },
    { provide: CredentialVerifier, useFactory: (issuers: TrustedIssuerDirectory, lists: StoreStatusListDirectory) => new CredentialVerifier(issuers, lists), inject: [TRUSTED_ISSUERS, STATUS_LISTS] },
    StatusListCommandsHandler,
    // The records context verifies presented credentials through this port (global: RecordsModule does not import this module).
    { provide: CREDENTIAL_VERIFIER, useClass: PresentationVerifier },
  ],
  exports: [CredentialVerifier, STATUS_LISTS, CREDENTIAL_VERIFIER, TrustedIssuersModule],
})
export class CredentialsModule {}
