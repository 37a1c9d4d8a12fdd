import type { IncomingMessage } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import type { Options } from 'pino-http';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { assignCorrelationId, correlationIdOf } from './correlation-id';
import { serializeRequest } from './request-serializer';

/** Paths whose successful requests are not logged (scraped or probed every few seconds). */
const QUIET_PATHS = new Set(['/health', '/metrics']);

/** The request's path: `originalUrl`, since Nest's middleware on Fastify rewrites `url` (as Express's `app.use` did). */
function pathOf(req: IncomingMessage & { originalUrl?: string }): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0];
}

/**
 * The request logger's options: JSON logs (pino) with one line per request carrying the
 * correlation id, the service name and the level from LOG_LEVEL (`silent` for tests).
 * Authorization, cookies and API keys are redacted from headers; credential-like query
 * parameters (`?access_token=`...) and body fields are redacted from the URL, query and body.
 */
export function requestLogOptions(config: Pick<AppConfig, 'logLevel'>, serviceName: string): Options {
  return {
    level: config.logLevel,
    base: { service: serviceName },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'req.headers["proxy-authorization"]', 'res.headers["set-cookie"]'],
    serializers: { req: serializeRequest },
    genReqId: (req: IncomingMessage) => assignCorrelationId(req),
    customProps: (req: IncomingMessage) => ({ correlationId: correlationIdOf(req) }),
    autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.has(pathOf(req)) },
  };
}

/** The request logger (see `requestLogOptions`). */
@Module({})
export class LoggingModule {
  static forRoot(serviceName: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({ pinoHttp: requestLogOptions(config, serviceName) }),
        }),
      ],
    };
  }
}
