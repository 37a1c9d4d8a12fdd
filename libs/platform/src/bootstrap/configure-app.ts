import type { NestApplicationOptions } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import type { Histogram } from 'prom-client';
import { AuthFailureLimiter } from '../access/auth/auth-failure-limiter';
import { loadHttpConfig } from '../config/http-config';
import { registerBodyParsers } from '../errors/body-parsers';
import { registerEtags } from '../http/etag';
import { correlationIdOf, ensureCorrelationId } from '../logging/correlation-id';
import { HTTP_REQUEST_DURATION, HttpDurationLabels } from '../metrics/metrics.registry';
import { registerHttpMetrics } from '../metrics/http-metrics.hooks';
import { OpenApiOptions, setupOpenApi } from '../openapi/setup-openapi';
import type { PlatformApplication } from './http-adapter';
import { registerSecurityPlugins } from './security-plugins';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's correlation id (echoed in X-Correlation-Id); see `ensureCorrelationId`. */
    readonly correlationId: string | undefined;
  }
}

/**
 * Options to create every app with (NestFactory.create or Test...createNestApplication, with
 * `createHttpAdapter()`): Nest's own body parser is off because `configureApp` installs one.
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
 * Installs the pino logger as Nest's logger, then on Fastify, in request order: the correlation
 * id (first hook, before the body is read), the security headers, CORS and the failed-
 * authentication rate limit (see `registerSecurityPlugins`), the body parsers (whose errors answer 400/413/415),
 * Express-compatible ETags, HTTP metrics, and /docs. Call before `init`/`listen`; the app must
 * import PlatformModule and be created with `createHttpAdapter()` and PLATFORM_APP_OPTIONS.
 */
export function configureApp(app: PlatformApplication, options: ConfigureAppOptions = {}): PlatformApplication {
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.decorateRequest('correlationId', {
    getter(this: FastifyRequest) {
      return correlationIdOf(this.raw);
    },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    ensureCorrelationId(request.raw, reply.raw);
    done();
  });
  const http = loadHttpConfig();
  registerSecurityPlugins(fastify, http);
  limiterOf(app)?.attach(fastify, http.authFailureLimit, http.authFailureWindowMs);
  registerBodyParsers(fastify, http);
  registerEtags(fastify);
  registerHttpMetrics(fastify, app.get<Histogram<HttpDurationLabels>>(HTTP_REQUEST_DURATION));
  if (options.openApi !== false) setupOpenApi(app, options.openApi);
  app.flushLogs(); // startup logs buffered so far go to pino, as JSON
  return app;
}

/** The app's AuthFailureLimiter, if it imports AccessModule. */
function limiterOf(app: PlatformApplication): AuthFailureLimiter | undefined {
  try {
    return app.get(AuthFailureLimiter, { strict: false });
  } catch {
    return undefined;
  }
}
