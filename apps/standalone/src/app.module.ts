import { Module } from '@nestjs/common';
import { PlatformModule, accessFromConfig, eventStoreFromConfig } from '@app/platform';
import { RecordsModule } from '@app/records';
import { TransferModule } from '@app/transfer';

/**
 * All modules in one process on the embedded defaults (SQLite file under ./data).
 * Bounded contexts (records, transfer, projections, audit) join here as they are written.
 */
@Module({
  imports: [
    // First: validates the configuration that the modules below read.
    PlatformModule.forRoot({ serviceName: 'standalone' }),
    eventStoreFromConfig(),
    accessFromConfig(),
    RecordsModule.forRoot(),
    TransferModule,
  ],
})
export class AppModule {}
