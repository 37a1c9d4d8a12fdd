import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AppConfigModule } from './config/app-config.module';
import { PlatformExceptionFilter } from './errors/platform-exception.filter';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { JsonSchemaValidationPipe } from './validation/json-schema-validation.pipe';
import { MinPositionInterceptor } from './http/min-position.interceptor';

export interface PlatformModuleOptions {
  /** Service name in every log line and metric ("standalone", "records", "transfer"...). */
  serviceName: string;
}

/**
 * What every app imports first: validated configuration (APP_CONFIG), JSON logs with
 * correlation ids, GET /health (needs EventStoreModule), GET /metrics, the global
 * exception filter, the global JSON-schema validation pipe and `?minPosition=` on the routes
 * marked @ReadAfterPosition (MinPositionInterceptor).
 * Pair it with `configureApp` (or `bootstrap`), which installs the HTTP middleware.
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        AppConfigModule.forRoot(),
        LoggingModule.forRoot(options.serviceName),
        MetricsModule.forRoot(options.serviceName),
        HealthModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: PlatformExceptionFilter },
        { provide: APP_PIPE, useValue: new JsonSchemaValidationPipe() },
        { provide: APP_INTERCEPTOR, useClass: MinPositionInterceptor },
      ],
    };
  }
}
