import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { PlatformModule, accessFromConfig, eventStoreFromConfig } from '@app/platform';
import { ProjectionsModule, projectionsConfigFromEnv } from '@app/projections';

/**
 * The audit service alone (distributed mode): history, reproduction, policy impact, verification
 * and export, plus the query API with `asOf` (answered from the events, which this service reads).
 * On PostgreSQL it reads the read models the query service maintains; on a private SQLite file it
 * feeds them itself.
 */
@Module({
  imports: [
    PlatformModule.forRoot({ serviceName: 'audit' }),
    eventStoreFromConfig(),
    accessFromConfig({ provisioningApi: false }),
    ProjectionsModule.forRoot({ embeddedProjector: projectionsConfigFromEnv().readModel.kind === 'sqlite' }),
    AuditModule,
  ],
})
export class AppModule {}
