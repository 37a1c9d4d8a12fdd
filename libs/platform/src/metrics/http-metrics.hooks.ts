import type { FastifyInstance } from 'fastify';
import type { Histogram } from 'prom-client';
import type { HttpDurationLabels } from './metrics.registry';

/** Label for requests no route matched (404s, malformed URLs), to bound cardinality. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * Records every request's duration when its response is sent, labelled with the route template
 * (`/requests/:id`, never the raw URL). Fastify's `onResponse` runs for every routed request,
 * including those whose body was rejected (labelled with their route) and 404s (unmatched).
 */
export function registerHttpMetrics(fastify: FastifyInstance, histogram: Histogram<HttpDurationLabels>): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.is404 ? undefined : request.routeOptions.url;
    histogram.observe(
      { method: request.method, route: route ?? UNMATCHED_ROUTE, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
