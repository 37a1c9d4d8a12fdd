import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from './event-store.health';
import { HealthController } from './health.controller';

/** GET /health. Needs the EVENT_STORE provider (EventStoreModule is global). */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [EventStoreHealthIndicator],
  exports: [EventStoreHealthIndicator],
})
export class HealthModule {}
