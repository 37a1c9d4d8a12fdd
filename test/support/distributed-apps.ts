import type { INestApplication, Type } from '@nestjs/common';
import type { PlatformApplication } from '@app/platform';
import { Test } from '@nestjs/testing';

export interface AppUnderTest {
  app: INestApplication;
  /** The server to hand to supertest. */
  server: Parameters<typeof import('supertest')>[0];
  close(): Promise<void>;
}

/**
 * Boots one of the distributed apps (records, transfer, relay, query, audit) as its main.ts composes it, with `env` set
 * while its modules are created and initialised (configuration is read then), restored after.
 */
async function startApp(load: () => Promise<{ AppModule: Type<unknown> }>, env: Record<string, string>): Promise<AppUnderTest> {
  const saved = new Map(Object.keys({ LOG_LEVEL: '', ...env }).map((name) => [name, process.env[name]]));
  Object.assign(process.env, { LOG_LEVEL: 'silent', ...env });
  try {
    const { configureApp, createHttpAdapter, PLATFORM_APP_OPTIONS } = await import('@app/platform');
    const { AppModule } = await load();
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = moduleRef.createNestApplication<PlatformApplication>(createHttpAdapter(), PLATFORM_APP_OPTIONS);
    configureApp(app, { openApi: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return { app, server: app.getHttpServer(), close: () => app.close() };
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** The records service (apps/records): learner records, write API. */
export const startRecordsApp = (env: Record<string, string>): Promise<AppUnderTest> => startApp(() => import('../../apps/records/src/app.module'), env);

/** The transfer service (apps/transfer): programs, policies, requests, decisions; provisioning. */
export const startTransferApp = (env: Record<string, string>): Promise<AppUnderTest> => startApp(() => import('../../apps/transfer/src/app.module'), env);

/** The audit service (apps/audit): history, as-of, reproduction, verification. */
export const startAuditApp = (env: Record<string, string>): Promise<AppUnderTest> => startApp(() => import('../../apps/audit/src/app.module'), env);

/** The query service (apps/query): read models fed from Kafka, read API. */
export const startQueryApp = (env: Record<string, string>): Promise<AppUnderTest> => startApp(() => import('../../apps/query/src/app.module'), env);

/** The relay worker (apps/relay): event store -> Kafka. */
export const startRelayApp = (env: Record<string, string>): Promise<AppUnderTest> => startApp(() => import('../../apps/relay/src/app.module'), env);
