import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ComponentHealthChecks } from './component-health';
import { EventStoreHealthIndicator } from './event-store.health';
import { HealthController } from './health.controller';

/**
 * GET /health. Needs the EVENT_STORE provider (EventStoreModule is global). Global, so the modules
 * that start a component (projector, relay) register its check in ComponentHealthChecks.
 */
@Global()
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [EventStoreHealthIndicator, ComponentHealthChecks],
  exports: [EventStoreHealthIndicator, ComponentHealthChecks],
})
export class HealthModule {}
