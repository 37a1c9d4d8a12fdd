import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { newCredentialToken } from '@app/platform';
import { AppUnderTest, startAuditApp, startQueryApp, startRecordsApp, startRelayApp, startTransferApp } from './support/distributed-apps';
import { KafkaMock, startKafkaMock } from './support/kafka-mock';
import { createTestDatabase, TestDatabase } from './support/pg-database';
import { platformAuditor, provision } from './support/provision';
import { waitUntil } from './support/wait-until';

jest.setTimeout(180_000);

type ComposeService = { image?: string; command?: string[]; environment?: Record<string, string | number | boolean>; profiles?: string[] };
const ROOT = join(__dirname, '..');
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };

/** The per-service deployment `docker compose up` starts (standalone sits behind a profile). */
const SERVICES = ['records', 'transfer', 'relay', 'query', 'audit'] as const;
type ServiceName = (typeof SERVICES)[number];

/** `${NAME:-default}` as compose substitutes it when NAME is not set on the host. */
const substitute = (value: string): string => value.replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, (_, fallback: string) => fallback);

/**
 * A service's environment exactly as docker-compose.yml gives it, except where this machine
 * differs: DATABASE_URL points at a fresh database of the local PostgreSQL (not the `postgres`
 * container), KAFKA_BROKERS at librdkafka's mock cluster (not the `kafka` container; it cannot
 * create topics through the admin API and holds empty fetches for the whole max wait, hence the two
 * KAFKA_ settings added), ADMIN_TOKEN is set, as the compose file invites, and the logs are silent.
 */
function composeEnv(service: ServiceName, here: { databaseUrl: string; brokers: string; adminToken: string }): Record<string, string> {
  const env = Object.fromEntries(Object.entries(compose.services[service].environment ?? {}).map(([name, value]) => [name, substitute(String(value))]));
  const kafka: Record<string, string> = 'KAFKA_BROKERS' in env ? { KAFKA_BROKERS: here.brokers, KAFKA_CREATE_TOPICS: 'false', KAFKA_FETCH_MAX_WAIT_MS: '100' } : {};
  return { ...env, DATABASE_URL: here.databaseUrl, ADMIN_TOKEN: here.adminToken, LOG_LEVEL: 'silent', ...kafka };
}

describe('docker-compose.yml: the per-service deployment, each service booted from its app module with its compose environment', () => {
  it('runs every service from a built entry point of this repository (npm run build: dist/apps/<app>/src/main.js)', () => {
    for (const service of SERVICES) {
      const command = compose.services[service].command ?? [];
      expect({ service, command: command.slice(0, 1) }).toEqual({ service, command: ['node'] });
      const match = /^dist\/(apps\/[a-z]+\/src\/main)\.js$/.exec(command[1] ?? '');
      expect({ service, entry: match ? existsSync(join(ROOT, `${match[1]}.ts`)) : command[1] }).toEqual({ service, entry: true });
    }
  });

  describe('started together on one PostgreSQL database and one Kafka cluster', () => {
    let db: TestDatabase;
    let mock: KafkaMock;
    const apps = new Map<ServiceName, AppUnderTest>();
    const app = (name: ServiceName): AppUnderTest => apps.get(name) as AppUnderTest;
    const adminToken = newCredentialToken().token;

    beforeAll(async () => {
      db = await createTestDatabase('compose');
      mock = await startKafkaMock();
      const here = { databaseUrl: db.url, brokers: mock.brokers.join(','), adminToken };
      const starters = { records: startRecordsApp, transfer: startTransferApp, relay: startRelayApp, query: startQueryApp, audit: startAuditApp };
      // transfer first (it serves provisioning); the audit service reads the schema the query service creates.
      for (const name of ['transfer', 'records', 'query', 'relay', 'audit'] as const) apps.set(name, await starters[name](composeEnv(name, here)));
    }, 150_000);

    afterAll(async () => {
      for (const name of ['audit', 'relay', 'query', 'records', 'transfer'] as const) await apps.get(name)?.close();
      await mock?.stop();
      await db?.drop();
    });

    it('every service answers /health 200; the relay and the query service report their component', async () => {
      for (const name of SERVICES) {
        const health = await request(app(name).server).get('/health');
        expect({ name, status: health.status, eventStore: health.body.info?.eventStore?.status }).toEqual({ name, status: 200, eventStore: 'up' });
      }
      expect((await request(app('relay').server).get('/health')).body.info.relay).toMatchObject({ status: 'up', failures: 0 });
      expect((await request(app('query').server).get('/health')).body.info.readModels).toMatchObject({ status: 'up', projector: 'kafka consumer group' });
    });

    it('a learner registered through records reaches the query service over the relay and Kafka, and the audit service shows its history', async () => {
      const { issuer } = await provision({ server: app('transfer').server, adminToken }, { institutionId: 'mitx', name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER' }, ['issuer']);
      const learner = await request(app('records').server).post('/learners').auth(issuer, { type: 'bearer' }).send({}).expect(201);
      const learnerId = learner.body.id as string;
      const applied = async () => (await request(app('query').server).get('/health')).body.info.readModels.highestPositionApplied as number;
      const relayed = async () => (await request(app('relay').server).get('/health')).body.info.relay as { checkpoint: number; head: number; behind: number };
      await waitUntil(async () => (await relayed()).behind === 0, 30_000, async () => `the relay to publish everything (${JSON.stringify(await relayed())})`);
      const head = (await relayed()).head;
      await waitUntil(async () => (await applied()) >= head, 30_000, async () => `the query service to apply position ${head} (at ${await applied()})`);

      const auditor = await platformAuditor({ server: app('transfer').server, adminToken });
      const history = await request(app('audit').server).get(`/audit/history/learner/${learnerId}`).auth(auditor, { type: 'bearer' }).expect(200);
      expect(history.body.entries.map((entry: { type: string }) => entry.type)).toEqual(['LearnerRegistered']);
      expect(history.body.entries[0]).toMatchObject({ actor: { institutionId: 'mitx', role: 'issuer' } });
    });
  });
});
