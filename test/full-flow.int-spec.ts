import { Pool } from 'pg';
import { randomUUID } from 'node:crypto';
import { runScmFlow } from './support/scm-flow';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The same flow against the PostgreSQL event store, in a database of its own (dropped after). */
describe('the whole write-side flow over HTTP, standalone app on the PostgreSQL store', () => {
  const database = `flow_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Pool({ connectionString: BASE_URL, max: 1 });
  let t: StandaloneUnderTest;

  beforeAll(async () => {
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(BASE_URL);
    url.pathname = `/${database}`;
    t = await startStandalone({ EVENT_STORE: 'postgres', DATABASE_URL: url.toString() });
  }, 30000);
  afterAll(async () => {
    await t?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('provision, record, publish, submit, evaluate, decide: every step an event with pinned versions', async () => {
    expect(t.store.name).toBe('postgres');
    await runScmFlow(t);
  }, 60000);
});
