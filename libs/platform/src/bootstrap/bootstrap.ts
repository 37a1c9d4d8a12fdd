import { DynamicModule, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AppConfigModule } from '../config/app-config.module';
import { ConfigValidationError } from '../config/config-validation.error';
import { StartupError } from '../errors/startup-error';
import { ConfigureAppOptions, PLATFORM_APP_OPTIONS, configureApp } from './configure-app';
import { createHttpAdapter, PlatformApplication } from './http-adapter';

/**
 * An app's whole main.ts: `void bootstrap(AppModule, { openApi: { title } })`. Creates the app,
 * configures it, closes it gracefully on SIGTERM/SIGINT (store connections included) and listens
 * on HOST:PORT. A startup failure (bad configuration, unreachable store, port in use) is reported
 * and the process exits with code 1 (at once: half-created providers must not keep it alive).
 */
export async function bootstrap(
  rootModule: Type<unknown> | DynamicModule,
  options: ConfigureAppOptions = {},
): Promise<PlatformApplication | undefined> {
  let app: PlatformApplication | undefined;
  try {
    await AppConfigModule.validated();
    app = await NestFactory.create<PlatformApplication>(rootModule, createHttpAdapter(), PLATFORM_APP_OPTIONS);
    configureApp(app, options);
    app.enableShutdownHooks();
    const config = app.get<AppConfig>(APP_CONFIG);
    await app.listen(config.port, config.host);
    new Logger('Bootstrap').log(`listening on http://${config.host}:${config.port} (event store: ${config.eventStore.kind})`);
    return app;
  } catch (error) {
    process.exitCode = 1;
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
    } else if (error instanceof StartupError) {
      process.stderr.write(`startup failed: ${error.message}\n`);
      await app?.close().catch(() => undefined);
    } else if (app) {
      app.flushLogs(); // logs are buffered until listen succeeds
      new Logger('Bootstrap').error(`startup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await app.close().catch(() => undefined);
    }
    // Otherwise NestFactory.create has already logged the error (ExceptionHandler).
    // Providers created before the failure (a store's connection pool, a subscription) are not
    // closed by Nest when creation fails: end the process rather than hang half-started.
    setImmediate(() => process.exit(1));
    return undefined;
  }
}
