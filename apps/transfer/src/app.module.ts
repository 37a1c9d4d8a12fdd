import { Module } from '@nestjs/common';
import { PlatformModule, accessFromConfig, eventStoreFromConfig } from '@app/platform';
import { TransferModule } from '@app/transfer';

/**
 * The transfer service alone (distributed mode): programs, recognition policies, admissions,
 * credit-transfer requests and decisions; it also serves the admin provisioning API
 * (institutions and credentials). Reads learner records from the shared event store.
 */
@Module({
  imports: [
    PlatformModule.forRoot({ serviceName: 'transfer' }),
    eventStoreFromConfig(),
    accessFromConfig(),
    TransferModule,
  ],
})
export class AppModule {}
