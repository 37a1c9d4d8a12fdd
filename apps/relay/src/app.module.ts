import { Module } from '@nestjs/common';
import { PlatformModule, eventStoreFromConfig } from '@app/platform';
import { RelayModule } from '@app/messaging';

/**
 * The relay worker (distributed mode): follows the event store from its durable checkpoint and
 * publishes every event to Kafka (topic per bounded context, keyed by learner or stream). Serves
 * only /health (the event store) and /metrics (relay_checkpoint_position, relay_published_events_total).
 */
@Module({
  imports: [
    PlatformModule.forRoot({ serviceName: 'relay' }),
    eventStoreFromConfig(),
    RelayModule.forRoot(),
  ],
})
export class AppModule {}
