import { Module } from '@nestjs/common';
import { CredentialsModule } from '@app/credentials';
import { PlatformModule, accessFromConfig, eventStoreFromConfig } from '@app/platform';
import { RecordsModule } from '@app/records';

/**
 * The records service alone (distributed mode): courses, learners, enrollments, completions,
 * credentials. Authenticates with the shared access stream; provisioning is served by transfer.
 */
@Module({
  imports: [
    PlatformModule.forRoot({ serviceName: 'records' }),
    eventStoreFromConfig(),
    accessFromConfig({ provisioningApi: false }),
    RecordsModule.forRoot(),
    // Verifies presented credentials offline (POST /credentials/verify); registered status lists.
    CredentialsModule,
  ],
})
export class AppModule {}
