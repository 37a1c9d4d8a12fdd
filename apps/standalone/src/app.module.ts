import { Module } from '@nestjs/common';
import { CredentialsModule, RecognitionCredentialsModule } from '@app/credentials';
import { AuditModule } from '@app/audit';
import { PlatformModule, accessFromConfig, eventStoreFromConfig } from '@app/platform';
import { ProjectionsModule } from '@app/projections';
import { RecordsModule } from '@app/records';
import { EvidenceChangesModule, TransferModule } from '@app/transfer';

/**
 * All modules in one process on the embedded defaults (SQLite file under ./data).
 * Records, transfer, the read models with their in-process projector and query API, and audit.
 */
@Module({
  imports: [
    // First: validates the configuration that the modules below read.
    PlatformModule.forRoot({ serviceName: 'standalone' }),
    eventStoreFromConfig(),
    accessFromConfig(),
    RecordsModule.forRoot(),
    // Verifiable credentials: offline verification (POST /credentials/verify), registered status
    // lists, the trusted-issuer registry; verifies presented credentials for RecordsModule.
    CredentialsModule,
    TransferModule,
    // Flags decided requests whose evidence was revoked, regraded or withdrawn (RequestEvidenceChanged).
    EvidenceChangesModule.forRoot(),
    // Recognition credentials (OB3) of decided requests, institution keys, hosted status lists.
    RecognitionCredentialsModule,
    // Read models on SQLite next to the event store, fed in-process from the store's subscription.
    ProjectionsModule.forRoot({ embeddedProjector: true }),
    AuditModule,
  ],
})
export class AppModule {}
