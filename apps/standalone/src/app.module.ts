import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CredentialsModule } from '@app/credentials';
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
    TransferModule,
    // Flags decided requests whose evidence was revoked, regraded or withdrawn (RequestEvidenceChanged).
    EvidenceChangesModule.forRoot(),
    // Recognition credentials (OB3) of decided requests, institution keys, hosted status lists.
    CredentialsModule,
    // Read models on SQLite next to the event store, fed in-process from the store's subscription.
    ProjectionsModule.forRoot({ embeddedProjector: true }),
    AuditModule,
  ],
})
export class AppModule {}
