import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Histogram } from 'prom-client';
import type { HttpDurationLabels } from './metrics.registry';

/** Label for requests no route matched (404s, body-parser rejections), to bound cardinality. */
export const UNMATCHED_ROUTE = '(unmatched)';

interface RoutedRequest extends IncomingMessage {
  baseUrl?: string;
  route?: { path?: unknown };
}

/**
 * Express-style middleware recording every request's duration when the response finishes,
 * labelled with the route template (`/requests/:id`, never the raw URL). Registered with
 * `app.use` before the body parser, so rejected bodies are counted too.
 */
export function httpMetricsMiddleware(histogram: Histogram<HttpDurationLabels>) {
  return (req: RoutedRequest, res: ServerResponse, next: () => void): void => {
    const stop = histogram.startTimer();
    res.once('finish', () => {
      stop({ method: req.method ?? 'UNKNOWN', route: routeOf(req), status: String(res.statusCode) });
    });
    next();
  };
}

function routeOf(req: RoutedRequest): string {
  const path = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : UNMATCHED_ROUTE;
}
