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
    // Verifiable credentials: POST /credentials/verify (offline), registered status lists, the trusted-issuer registry.
    CredentialsModule,
  ],
})
export class AppModule {}
