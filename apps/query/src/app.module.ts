import { Module } from '@nestjs/common';
import { PlatformModule, accessFromConfig, eventStoreFromConfig } from '@app/platform';
import { ProjectionsModule } from '@app/projections';

/**
 * The query service (distributed mode): read models on PostgreSQL fed from Kafka by a consumer
 * group (inbox per event id), and the read API for admissions offices, submitting universities
 * and auditors. Reads the shared access stream from the event store to authenticate;
 * provisioning is served by transfer.
 */
@Module({
  imports: [
    PlatformModule.forRoot({ serviceName: 'query' }),
    eventStoreFromConfig(),
    accessFromConfig({ provisioningApi: false }),
    ProjectionsModule.forRoot({ embeddedProjector: false, kafkaProjector: true }),
  ],
})
export class AppModule {}
