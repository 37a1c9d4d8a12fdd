import { DynamicModule, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import {
  HTTP_REQUEST_DURATION,
  METRICS_REGISTRY,
  createHttpRequestDuration,
  createMetricsRegistry,
} from './metrics.registry';

/**
 * The metrics registry (default process metrics + HTTP request duration histogram) and
 * GET /metrics. Global so feature modules can register their own metrics in METRICS_REGISTRY.
 */
@Module({})
export class MetricsModule {
  static forRoot(serviceName: string): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        { provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry(serviceName) },
        { provide: HTTP_REQUEST_DURATION, inject: [METRICS_REGISTRY], useFactory: createHttpRequestDuration },
      ],
      exports: [METRICS_REGISTRY, HTTP_REQUEST_DURATION],
    };
  }
}
