import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../access/auth/auth.decorators';
import { EventStoreHealthIndicator } from './event-store.health';

@ApiTags('platform')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and readiness: 200 when the event store answers, 503 with the reason otherwise' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.eventStore.check('eventStore')]);
  }
}
