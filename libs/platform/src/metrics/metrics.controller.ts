import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
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
  async scrape(@Res() res: Response): Promise<void> {
    const body = await this.registry.metrics();
    // res.end, not res.send: Express would rewrite the content type's parameters.
    res.status(200).setHeader('Content-Type', this.registry.contentType);
    res.end(body);
  }
}
