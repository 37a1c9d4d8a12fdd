import { Module } from '@nestjs/common';
import { PlatformModule, eventStoreFromConfig } from '@app/platform';

/**
 * All modules in one process on the embedded defaults (SQLite file under ./data).
 * Bounded contexts (records, transfer, projections, audit) join here as they are written.
 */
@Module({
  imports: [PlatformModule.forRoot({ serviceName: 'standalone' }), eventStoreFromConfig()],
})
export class AppModule {}
