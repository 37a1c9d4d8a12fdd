import { Module } from '@nestjs/common';
import { TransferModule } from '@app/transfer';
import { HostedStatusListsController } from './api/hosted-status-lists.controller';
import { InstitutionKeysController } from './api/institution-keys.controller';
import { RecognitionCredentialsController } from './api/recognition-credentials.controller';
import { CREDENTIALS_CONFIG, credentialsConfigFromEnv } from './config/credentials.config';
import { HostedStatusLists } from './hosted-status-lists/hosted-status-lists';
import { RecognitionIssuer } from './issuing/recognition-issuer';
import { RecognitionReactor } from './issuing/recognition-reactor';
import { InstitutionKeys } from './keys/institution-keys.service';

/**
 * The credentials context: verifying presented credentials (Open Badges 3.0, W3C VC 1.1/2.0,
 * VC-JWT, CLR 2.0) offline, the trusted-issuer and status-list registries, institution keys and
 * the recognition credentials the system issues. Needs EventStoreModule and AccessModule in the app.
 */
@Module({
  imports: [TransferModule],
  controllers: [RecognitionCredentialsController, HostedStatusListsController, InstitutionKeysController],
  providers: [
    { provide: CREDENTIALS_CONFIG, useFactory: () => credentialsConfigFromEnv() },
    InstitutionKeys,
    RecognitionIssuer,
    RecognitionReactor,
    HostedStatusLists,
  ],
  exports: [InstitutionKeys, RecognitionIssuer, RecognitionReactor, HostedStatusLists],
})
export class CredentialsModule {}
