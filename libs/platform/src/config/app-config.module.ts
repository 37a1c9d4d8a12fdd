import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_CONFIG, ValidatedEnv } from './app-config';
import { APP_ENV_KEYS } from './app-config.schema';
import { toAppConfig, validateEnv } from './validate-env';

/**
 * `ConfigModule.forRoot({ validate })` plus the typed `AppConfig` under the APP_CONFIG token,
 * both global. Reads `.env` from the working directory when present (process env wins).
 */
@Module({})
export class AppConfigModule {
  private static lastLoad: Promise<unknown> = Promise.resolve();

  static forRoot(): DynamicModule {
    const config = ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateEnv });
    // forRoot validates synchronously but reports through its promise, which Nest awaits only
    // while scanning modules. Mark it handled now so a bad variable does not surface first as
    // an unhandled rejection; Nest still receives the rejected promise and stops startup.
    config.catch(() => undefined);
    AppConfigModule.lastLoad = config;
    return {
      module: AppConfigModule,
      global: true,
      imports: [config],
      providers: [
        {
          provide: APP_CONFIG,
          inject: [ConfigService],
          useFactory: (service: ConfigService<ValidatedEnv, true>) => toAppConfig(readValidatedEnv(service)),
        },
      ],
      exports: [APP_CONFIG],
    };
  }

  /**
   * Rejects with the ConfigValidationError of the last `forRoot()` (run when the root module
   * was imported), so `bootstrap` can report a bad variable before Nest starts.
   */
  static async validated(): Promise<void> {
    await AppConfigModule.lastLoad;
  }
}

function readValidatedEnv(service: ConfigService<ValidatedEnv, true>): ValidatedEnv {
  const env: Partial<Record<keyof ValidatedEnv, unknown>> = {};
  for (const key of APP_ENV_KEYS) env[key] = service.get(key, { infer: true });
  return env as ValidatedEnv;
}
