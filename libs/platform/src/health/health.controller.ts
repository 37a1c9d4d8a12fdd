import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '../access/auth/auth.decorators';
import { ComponentHealthCheck, ComponentHealthChecks } from './component-health';
import { EventStoreHealthIndicator } from './event-store.health';

@ApiTags('platform')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly components: ComponentHealthChecks,
    private readonly indicators: HealthIndicatorService,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({
    summary: 'Liveness and readiness: 200 when the event store answers and every component of this service runs, 503 with the reason otherwise',
    description:
      'Components: `readModels` where a projector runs (its checkpoint, the store head and how far behind it is, or the highest position applied from Kafka), `relay` in the relay (its checkpoint, the head, how far behind Kafka is). A component is down when it stopped or failed 5 times in a row (it keeps retrying).',
  })
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.eventStore.check('eventStore'), ...this.components.entries().map(([key, check]) => () => this.component(key, check))]);
  }

  private async component(key: string, check: ComponentHealthCheck): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(key);
    try {
      const health = await check();
      return health.up ? session.up(health.details) : session.down(health.details);
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
