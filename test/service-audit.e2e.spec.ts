import request from 'supertest';
import { ReadModelProjector } from '@app/projections';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

/** apps/audit on its own (a private SQLite read model it feeds itself): it reads, it never writes. */
describe('the audit service alone', () => {
  let t: StandaloneUnderTest;
  beforeAll(async () => { t = await startStandalone({}, 'audit'); }, 30000);
  afterAll(() => t?.close());

  it('serves history, reproduction, impact and as-of queries, and no write endpoint of records or transfer', async () => {
    const doc = await request(t.server).get('/docs-json').expect(200);
    const operations = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations).toEqual(expect.arrayContaining(['GET /audit/history/{kind}/{id}', 'GET /audit/requests/{requestId}/reproduction', 'POST /audit/policy-impact', 'GET /eligibility']));
    expect(operations.filter((op) => op.startsWith('POST ') && !op.endsWith('/policy-impact') && !op.endsWith('/what-if'))).toEqual([]);
    // No provisioning API here: credentials are issued by the transfer service.
    await request(t.server).post('/institutions').auth(t.adminToken, { type: 'bearer' }).send({}).expect(404);
    // It feeds its own SQLite read models: the history of an unknown learner is an empty page.
    const head = await t.store.headPosition();
    await t.app.get(ReadModelProjector).waitFor(head);
    const page = await request(t.server).get('/audit/history/learner/nobody').auth(t.adminToken, { type: 'bearer' }).expect(200);
    expect(page.body).toEqual({ subject: { kind: 'learner', id: 'nobody' }, upToPosition: head, entries: [], nextAfter: null });
  });
});
