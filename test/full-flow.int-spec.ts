import { Pool } from 'pg';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ReadModelProjector, WorkerThreadProjector } from '@app/projections';
import { runScmFlow } from './support/scm-flow';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The same flow against the PostgreSQL event store, in a database of its own (dropped after). */
describe('the whole flow over HTTP, standalone app on the PostgreSQL store and PostgreSQL read models', () => {
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
    const flow = await runScmFlow(t);
    // The read models on PostgreSQL (schema read_models), fed by the embedded projector.
    const head = await t.store.headPosition();
    // On a worker thread of its own, with its own store pool and read-model connection.
    expect(t.app.get(ReadModelProjector)).toBeInstanceOf(WorkerThreadProjector);
    await t.app.get(ReadModelProjector).waitFor(head);
    const eligibility = await request(t.server)
      .get(`/eligibility?learnerId=${flow.learnerId}&programId=mit-scm`)
      .auth(flow.tokens.mit.registrar, { type: 'bearer' })
      .expect(200);
    expect(eligibility.body).toMatchObject({ source: 'projection', upToPosition: head, residency: { outcome: 'reduced', months: 5, standard: { months: 10 } } });
    const asOf = await request(t.server)
      .get(`/eligibility?learnerId=${flow.learnerId}&programId=mit-scm&asOf=${head}`)
      .auth(flow.tokens.mit.registrar, { type: 'bearer' })
      .expect(200);
    expect(asOf.body).toMatchObject({ source: 'as-of', residency: { outcome: 'reduced', months: 5 } });
    const ledger = await request(t.server).get(`/ledger/${flow.learnerId}`).auth(flow.tokens.mit.registrar, { type: 'bearer' }).expect(200);
    expect(ledger.body.entries).toHaveLength(7);
    // The catalog (read in one REPEATABLE READ transaction on PostgreSQL) and the submitter's list.
    const catalog = await request(t.server).get('/catalog/mit?on=2026-06-01').auth(flow.tokens.uni.submitter, { type: 'bearer' }).expect(200);
    expect(catalog.body.programs).toMatchObject([{ programId: 'mit-scm', latestVersion: '2026-2027', policyInEffect: { policyId: 'mit-scm-recognition', version: '2026.1' } }]);
    expect(catalog.body.policies).toMatchObject([{ policyId: 'mit-scm-recognition', versions: [{ version: '2026.1', inEffect: true }] }]);
    const submissions = await request(t.server).get('/submissions').auth(flow.tokens.uni.submitter, { type: 'bearer' }).expect(200);
    expect(submissions.body).toMatchObject({ total: 1, items: [{ requestId: flow.requestId, receivingInstitution: 'mit' }] });
  }, 60000);
});
