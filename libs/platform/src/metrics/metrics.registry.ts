import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const METRICS_REGISTRY = Symbol.for('credit-transfer.MetricsRegistry');
export const HTTP_REQUEST_DURATION = Symbol.for('credit-transfer.HttpRequestDuration');

export type HttpDurationLabels = 'method' | 'route' | 'status';

/**
 * One registry per application instance (not prom-client's global one), so tests can boot
 * several apps in one process. Every metric carries the service name as a default label.
 */
export function createMetricsRegistry(serviceName: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service: serviceName });
  collectDefaultMetrics({ register: registry });
  return registry;
}

export function createHttpRequestDuration(registry: Registry): Histogram<HttpDurationLabels> {
  return new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, route template and status code',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
}
