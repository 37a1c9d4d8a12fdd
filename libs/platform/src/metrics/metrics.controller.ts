import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Registry } from 'prom-client';
import { Public } from '../access/auth/auth.decorators';
import { METRICS_REGISTRY } from './metrics.registry';

/** GET /metrics in the Prometheus text format (text/plain; version=0.0.4; charset=utf-8). */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  async scrape(@Res() reply: FastifyReply): Promise<void> {
    const body = await this.registry.metrics();
    await reply.code(200).header('Content-Type', this.registry.contentType).send(body);
  }
}
