import { Test } from '@nestjs/testing';
import request from 'supertest';
import { EVENT_STORE, EventStore, EventStoreModule } from '@app/event-store';
import { AccessModule, configureApp, createHttpAdapter, newCredentialToken, PLATFORM_APP_OPTIONS, PlatformApplication, PlatformModule } from '@app/platform';
import { RecordsModule } from '../src';

export interface RecordsTestApp {
  app: PlatformApplication;
  store: EventStore;
  http: () => ReturnType<typeof request>;
  adminToken: string;
  close(): Promise<void>;
}

/**
 * A small app: platform (filter, validation pipe, logs silent), SQLite in memory, access
 * (bearer credentials, role guard, provisioning API) and the records module.
 */
export async function recordsTestApp(): Promise<RecordsTestApp> {
  const savedLevel = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'silent';
  const adminToken = newCredentialToken().token;
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({ serviceName: 'records-test' }),
      EventStoreModule.forRoot({ kind: 'sqlite', path: ':memory:' }),
      AccessModule.forRoot({ adminToken }),
      RecordsModule.forRoot({ externalRefSalt: 'records-test-key' }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<PlatformApplication>(createHttpAdapter(), PLATFORM_APP_OPTIONS);
  configureApp(app, { openApi: { title: 'records test' } });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    store: app.get<EventStore>(EVENT_STORE),
    http: () => request(app.getHttpServer()),
    adminToken,
    async close() {
      await app.close();
      if (savedLevel === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = savedLevel;
    },
  };
}

/** Registers an institution and issues one credential per role; returns the bearer tokens. */
export async function provision(
  t: RecordsTestApp,
  institution: { institutionId: string; name: string; country: string; creditUnit: string },
  roles: string[],
): Promise<Record<string, string>> {
  await t.http().post('/institutions').auth(t.adminToken, { type: 'bearer' }).send(institution).expect(201);
  const tokens: Record<string, string> = {};
  for (const role of roles) {
    const issued = await t
      .http()
      .post(`/institutions/${institution.institutionId}/credentials`)
      .auth(t.adminToken, { type: 'bearer' })
      .send({ role, label: `${institution.institutionId} ${role}` })
      .expect(201);
    tokens[role] = issued.body.token as string;
  }
  return tokens;
}
