import { Module } from '@nestjs/common';
import { RecognitionCredentialsModule } from '@app/credentials';
import { PlatformModule, accessFromConfig, eventStoreFromConfig } from '@app/platform';
import { EvidenceChangesModule, TransferModule } from '@app/transfer';

/**
 * The transfer service alone (distributed mode): programs, recognition policies, admissions,
 * credit-transfer requests and decisions; it also serves the admin provisioning API
 * (institutions and credentials). Reads learner records from the shared event store. Runs the
 * evidence-change reactor (checkpoint in the event store's PostgreSQL database by default).
 */
@Module({
  imports: [
    PlatformModule.forRoot({ serviceName: 'transfer' }),
    eventStoreFromConfig(),
    accessFromConfig(),
    TransferModule,
    // Flags decided requests whose evidence was revoked, regraded or withdrawn (RequestEvidenceChanged).
    EvidenceChangesModule.forRoot(),
    // Recognition credentials (OB3) of decided requests, institution keys, hosted status lists.
    RecognitionCredentialsModule,
  ],
})
export class AppModule {}
