import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { PlatformApplication } from '@app/platform';
import type { EventStore } from '@app/event-store';

export interface StandaloneUnderTest {
  app: INestApplication;
  /** The server to hand to supertest. */
  server: Parameters<typeof import('supertest')>[0];
  adminToken: string;
  store: EventStore;
  close(): Promise<void>;
}

const VARIABLES = [
  'LOG_LEVEL', 'EVENT_STORE', 'SQLITE_PATH', 'DATABASE_URL', 'ADMIN_TOKEN',
  'READ_MODEL', 'READ_MODEL_SQLITE_PATH', 'READ_MODEL_DATABASE_URL', 'READ_MODEL_SCHEMA',
  'KAFKA_BROKERS', 'KAFKA_CLIENT_ID', 'KAFKA_GROUP_ID', 'KAFKA_TOPIC_PREFIX', 'KAFKA_CREATE_TOPICS', 'KAFKA_FETCH_MAX_WAIT_MS',
  'EVIDENCE_REACTOR', 'EVIDENCE_REACTOR_STATE', 'EVIDENCE_REACTOR_SQLITE_PATH', 'EVIDENCE_REACTOR_DATABASE_URL', 'EVIDENCE_REACTOR_SCHEMA', 'EVIDENCE_REACTOR_POLL_MS',
  'HTTP_HEADERS_TIMEOUT_MS', 'HTTP_REQUEST_TIMEOUT_MS', 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 'HTTP_CONNECTION_TIMEOUT_MS', 'HTTP_MAX_CONNECTIONS',
  'HTTP_BODY_LIMIT_BYTES', 'HTTP_JSON_MAX_DEPTH', 'HSTS_MAX_AGE', 'CORS_ORIGINS', 'AUTH_FAILURE_LIMIT', 'AUTH_FAILURE_WINDOW_MS',
] as const;

/**
 * Boots the standalone AppModule as `npm start` composes it (or another app's, e.g. the audit service), on a fresh SQLite file (or on the
 * PostgreSQL store when `env.EVENT_STORE` says so). The configuration is validated when the
 * module is imported, so the environment is set first and the module imported afterwards.
 */
const APPS = {
  standalone: async () => (await import('../../apps/standalone/src/app.module')).AppModule,
  audit: async () => (await import('../../apps/audit/src/app.module')).AppModule,
};

export async function startStandalone(env: Record<string, string> = {}, appName: keyof typeof APPS = 'standalone'): Promise<StandaloneUnderTest> {
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  const dataDir = mkdtempSync(join(tmpdir(), 'credit-transfer-test-'));
  const { newCredentialToken, configureApp, createHttpAdapter, PLATFORM_APP_OPTIONS } = await import('@app/platform');
  const adminToken = newCredentialToken().token;
  Object.assign(process.env, {
    LOG_LEVEL: 'silent',
    EVENT_STORE: 'sqlite',
    SQLITE_PATH: join(dataDir, 'events.sqlite'),
    ADMIN_TOKEN: adminToken,
    // Suites such as the authorization matrix fail authentication hundreds of times on purpose.
    AUTH_FAILURE_LIMIT: '100000',
    ...env,
  });
  const AppModule = await APPS[appName]();
  const { EVENT_STORE } = await import('@app/event-store');
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication<PlatformApplication>(createHttpAdapter(), PLATFORM_APP_OPTIONS);
  configureApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    server: app.getHttpServer(),
    adminToken,
    store: app.get<EventStore>(EVENT_STORE),
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      for (const name of VARIABLES) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    },
  };
}
