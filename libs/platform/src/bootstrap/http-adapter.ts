import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { HttpConfig, loadHttpConfig } from '../config/http-config';
import { replyToBadUrl } from '../errors/bad-url';
import { assignCorrelationId } from '../logging/correlation-id';

/** Every app is a Nest application on Fastify. */
export type PlatformApplication = NestFastifyApplication;

/**
 * The HTTP adapter every app is created with (NestFactory.create or
 * Test...createNestApplication). Fastify's request id is the correlation id. Routing is as it
 * was on Express: paths are case-insensitive and a trailing slash is ignored; a route parameter
 * may be as long as the URL (validation refuses what is too long, with its JSON pointer); a
 * malformed percent-encoding answers 400. Nest's `bodyParser` option must be false:
 * `configureApp` installs the parsers.
 */
export function createHttpAdapter(http: HttpConfig = loadHttpConfig()): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: http.bodyLimitBytes,
    genReqId: assignCorrelationId,
    // Node's defaults, which the Express apps had (Fastify's own: 72 s keep-alive, no request timeout).
    keepAliveTimeout: 5_000,
    requestTimeout: 300_000,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 65_536 },
    frameworkErrors: replyToBadUrl,
  });
}
