import { Test } from '@nestjs/testing';
import request from 'supertest';
import { EVENT_STORE, EventStore, EventStoreModule, RecordedEvent } from '@app/event-store';
import { AccessModule, configureApp, createHttpAdapter, newCredentialToken, PLATFORM_APP_OPTIONS, PlatformApplication, PlatformModule } from '@app/platform';
import { RecordsModule } from '@app/records';
import { TransferModule } from '../src';

export interface TransferTestApp {
  store: EventStore;
  http: () => ReturnType<typeof request>;
  adminToken: string;
  events(stream: string): Promise<RecordedEvent[]>;
  get<T>(type: new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/** Platform (filter, pipe, silent logs), SQLite in memory, access, records and transfer. */
export async function transferTestApp(): Promise<TransferTestApp> {
  const savedLevel = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'silent';
  const adminToken = newCredentialToken().token;
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({ serviceName: 'transfer-test' }),
      EventStoreModule.forRoot({ kind: 'sqlite', path: ':memory:' }),
      AccessModule.forRoot({ adminToken }),
      RecordsModule.forRoot({ externalRefSalt: 'transfer-test-key' }),
      TransferModule,
    ],
  }).compile();
  const app = moduleRef.createNestApplication<PlatformApplication>(createHttpAdapter(), PLATFORM_APP_OPTIONS);
  configureApp(app, { openApi: { title: 'transfer test' } });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const store = app.get<EventStore>(EVENT_STORE);
  return {
    store,
    http: () => request(app.getHttpServer()),
    adminToken,
    get: (type) => app.get(type),
    async events(stream) {
      const out: RecordedEvent[] = [];
      for await (const e of store.readStream(stream)) out.push(e);
      return out;
    },
    async close() {
      await app.close();
      if (savedLevel === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = savedLevel;
    },
  };
}

/** Registers an institution and issues one credential per role (auditors see every institution). */
export async function provision(t: TransferTestApp, institutionId: string, name: string, roles: string[]): Promise<Record<string, string>> {
  await t.http().post('/institutions').auth(t.adminToken, { type: 'bearer' }).send({ institutionId, name, country: 'US', creditUnit: 'US_SEMESTER' }).expect(201);
  const tokens: Record<string, string> = {};
  for (const role of roles) {
    const body = { role, label: `${institutionId} ${role}`, ...(role === 'auditor' ? { auditScope: ['*'] } : {}) };
    const issued = await t.http().post(`/institutions/${institutionId}/credentials`).auth(t.adminToken, { type: 'bearer' }).send(body).expect(201);
    tokens[role] = issued.body.token as string;
  }
  return tokens;
}
