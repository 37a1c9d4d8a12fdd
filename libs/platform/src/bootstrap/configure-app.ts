import type { NestApplicationOptions } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { Histogram } from 'prom-client';
import { bodyParsers } from '../errors/body-parsers';
import { correlationIdMiddleware } from '../logging/correlation-id.middleware';
import { HTTP_REQUEST_DURATION, HttpDurationLabels } from '../metrics/metrics.registry';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { OpenApiOptions, setupOpenApi } from '../openapi/setup-openapi';

/**
 * Options to create every app with (NestFactory.create or Test...createNestApplication):
 * Nest's own body parser is off because `configureApp` installs one after the correlation id.
 */
export const PLATFORM_APP_OPTIONS = {
  bodyParser: false,
  bufferLogs: true,
  abortOnError: false,
} as const satisfies NestApplicationOptions;

export interface ConfigureAppOptions {
  /** OpenAPI document options, or false to serve no /docs. */
  openApi?: OpenApiOptions | false;
}

/**
 * Installs, in order: the pino logger as Nest's logger, the correlation id, HTTP metrics, the
 * body parsers (whose errors answer 400/413/415), and /docs. Call before `init`/`listen`; the
 * app must import PlatformModule and be created with PLATFORM_APP_OPTIONS.
 */
export function configureApp(app: NestExpressApplication, options: ConfigureAppOptions = {}): NestExpressApplication {
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.use(correlationIdMiddleware);
  app.use(httpMetricsMiddleware(app.get<Histogram<HttpDurationLabels>>(HTTP_REQUEST_DURATION)));
  for (const parser of bodyParsers()) app.use(parser);
  if (options.openApi !== false) setupOpenApi(app, options.openApi);
  app.flushLogs(); // startup logs buffered so far go to pino, as JSON
  return app;
}
