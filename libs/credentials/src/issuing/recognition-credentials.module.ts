import { Module } from '@nestjs/common';
import { TransferModule } from '@app/transfer';
import { HostedStatusListsController } from '../api/hosted-status-lists.controller';
import { InstitutionKeysController } from '../api/institution-keys.controller';
import { RecognitionCredentialsController } from '../api/recognition-credentials.controller';
import { CREDENTIALS_CONFIG, credentialsConfigFromEnv } from '../config/credentials.config';
import { HostedStatusLists } from '../hosted-status-lists/hosted-status-lists';
import { InstitutionKeys } from '../keys/institution-keys.service';
import { RecognitionIssuer } from './recognition-issuer';
import { RecognitionReactor } from './recognition-reactor';

/**
 * Recognition credentials: institution signing keys, decided transfer requests issued as signed
 * OB3 credentials, and the status lists the system hosts. Reads the transfer context, so it runs
 * where transfer runs (standalone, the transfer service), not in the records service.
 */
@Module({
  imports: [TransferModule],
  controllers: [RecognitionCredentialsController, HostedStatusListsController, InstitutionKeysController],
  providers: [{ provide: CREDENTIALS_CONFIG, useFactory: () => credentialsConfigFromEnv() }, InstitutionKeys, RecognitionIssuer, RecognitionReactor, HostedStatusLists],
  exports: [InstitutionKeys, RecognitionIssuer, RecognitionReactor, HostedStatusLists],
})
export class RecognitionCredentialsModule {}
