import { Module } from '@nestjs/common';
import { PlatformModule, accessFromConfig, eventStoreFromConfig } from '@app/platform';
import { RecordsModule } from '@app/records';
import { CredentialsModule } from '@app/credentials';

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
    // Verifiable credentials: the trusted-issuer registry (POST/GET /trusted-issuers).
    CredentialsModule,
  ],
})
export class AppModule {}
