import request from 'supertest';
import { DataSource } from 'typeorm';
import { dumpReadModels, InboxEntry, KafkaProjector, READ_MODEL_READER } from '@app/projections';
import { RelayLifecycle } from '@app/messaging';
import { EvidenceChangesLifecycle } from '@app/transfer';
import { courseId, ONLINE } from '../libs/transfer/test/scm-pathway.http-fixtures';
import { AppUnderTest, startQueryApp, startRelayApp, startTransferApp } from './support/distributed-apps';
import { startKafkaMock, KafkaMock } from './support/kafka-mock';
import { createTestDatabase, TestDatabase } from './support/pg-database';
import { countEvents, rebuildDump } from './support/read-model-schemas';
import { runScmFlow, ScmFlowResult } from './support/scm-flow';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';
import { waitUntil } from './support/wait-until';

jest.setTimeout(180_000);

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * The distributed path on one machine: writes through the standalone app's HTTP API on the
 * PostgreSQL event store; the relay app publishes the store to Kafka (librdkafka's mock cluster,
 * 3 brokers, 4 partitions per topic); the query app projects Kafka into its own read-model schema
 * and answers the read API. (The standalone app also projects in-process into another schema.)
 * The evidence-change reactor runs in the transfer service (apps/transfer), not in the writer.
 */
describe('distributed mode: PostgreSQL store -> relay -> Kafka -> query service', () => {
  let db: TestDatabase;
  let mock: KafkaMock;
  let writer: StandaloneUnderTest;
  let relay: AppUnderTest;
  let query: AppUnderTest;
  let transfer: AppUnderTest;
  let flow: ScmFlowResult;
  const topicPrefix = `dist-${Date.now()}.`;

  const queryDb = (): DataSource => query.app.get<DataSource>(READ_MODEL_READER);
  const inboxCount = (): Promise<number> => queryDb().manager.count(InboxEntry);
  const caughtUp = async (): Promise<void> => {
    const total = await countEvents(writer.store);
    await waitUntil(async () => (await inboxCount()) >= total, 90_000, async () => `the query service to apply ${total} events (inbox: ${await inboxCount()})`);
  };

  beforeAll(async () => {
    db = await createTestDatabase('dist');
    mock = await startKafkaMock();
    // The mock cluster cannot create topics through the admin API (they auto-create), and it holds
    // every fetch for the whole max wait even when data arrives (Kafka answers at once): 100 ms.
    const kafka = { KAFKA_BROKERS: mock.brokers.join(','), KAFKA_TOPIC_PREFIX: topicPrefix, KAFKA_CREATE_TOPICS: 'false', KAFKA_FETCH_MAX_WAIT_MS: '100' };
    writer = await startStandalone({ EVENT_STORE: 'postgres', DATABASE_URL: db.url, READ_MODEL_SCHEMA: 'embedded_rm', EVIDENCE_REACTOR: 'off' });
    // The evidence-change reactor of the transfer service, its state in the store's database (schema event_store).
    transfer = await startTransferApp({ EVENT_STORE: 'postgres', DATABASE_URL: db.url, ADMIN_TOKEN: writer.adminToken, EVIDENCE_REACTOR: 'on', EVIDENCE_REACTOR_POLL_MS: '50' });
    query = await startQueryApp({
      EVENT_STORE: 'postgres', DATABASE_URL: db.url, ADMIN_TOKEN: writer.adminToken,
      READ_MODEL: 'postgres', READ_MODEL_SCHEMA: 'query_rm', KAFKA_GROUP_ID: `${topicPrefix}query`, ...kafka,
    });
    relay = await startRelayApp({ EVENT_STORE: 'postgres', DATABASE_URL: db.url, RELAY_BATCH_SIZE: '50', ...kafka });
  }, 120_000);

  afterAll(async () => {
    await transfer?.close();
    await relay?.close();
    await query?.close();
    await writer?.close();
    await mock?.stop();
    await db?.drop();
  });

  it('the Kafka-fed read models equal a clean rebuild from the store, and the query API answers reduced residency (5 months)', async () => {
    flow = await runScmFlow(writer);
    // A second learner one course short of the MicroMasters: progress re-evaluations of other pairs.
    const issuer = flow.tokens.mitx.issuer;
    const short = (await request(writer.server).post('/learners').auth(issuer, { type: 'bearer' }).send({}).expect(201)).body.id as string;
    for (const code of ONLINE.filter((c) => c !== 'sc4x')) {
      const body = { courseId: courseId(code), grade: { scale: 'percent', value: '85' }, identityVerified: true, completedOn: '2025-05-15' };
      await request(writer.server).post(`/learners/${short}/completions`).auth(issuer, { type: 'bearer' }).send(body).expect(201);
    }
    await caughtUp();

    const head = await writer.store.headPosition();
    // The relay checkpoints right after Kafka's ack, so possibly just after the query service applied the last event.
    await waitUntil(() => relay.app.get(RelayLifecycle).current?.checkpoint === head, 10_000, () => `the relay's checkpoint at ${head}`);
    const kafkaFed = await dumpReadModels(queryDb());
    const rebuilt = await rebuildDump(writer.store, db.url, 'rebuild_1');
    expect(Object.values(kafkaFed).flat().length).toBeGreaterThanOrEqual(16);
    expect(kafkaFed.rm_progress).toHaveLength(1);
    expect(kafkaFed).toEqual(rebuilt);
    expect(await inboxCount()).toBe(await countEvents(writer.store));

    const res = await request(query.server)
      .get(`/eligibility?learnerId=${flow.learnerId}&programId=mit-scm`)
      .auth(flow.tokens.mit.registrar, { type: 'bearer' })
      .expect(200);
    expect(res.body).toMatchObject({
      learnerId: flow.learnerId,
      programId: 'mit-scm',
      source: 'projection',
      upToPosition: head,
      admission: { admitted: true },
      residency: { outcome: 'reduced', pathway: { id: 'blended' }, months: 5, standard: { months: 10 } },
    });
    expect(res.body.residency.reasons.join(' ')).toContain('MITx-SCM-MM');
    expect(res.body.residency.reasons.join(' ')).not.toContain(flow.credentialId);
    const ledger = await request(query.server).get(`/ledger/${flow.learnerId}`).auth(flow.tokens.mit.registrar, { type: 'bearer' }).expect(200);
    expect(ledger.body.entries).toHaveLength(7);
    const queryHealth = await request(query.server).get('/health').expect(200);
    expect(queryHealth.body.info.readModels).toMatchObject({ status: 'up', projector: 'kafka consumer group', highestPositionApplied: head });
    const relayHealth = await request(relay.server).get('/health').expect(200);
    expect(relayHealth.body.info.relay).toEqual({ status: 'up', checkpoint: head, head, behind: 0, failures: 0, published: expect.any(Number) });
  });

  it('a revocation flags the decided request (reactor in the transfer service); the Kafka-fed queue, submissions and ledger show it, equal to a rebuild', async () => {
    const reactor = transfer.app.get(EvidenceChangesLifecycle).current;
    expect(reactor).not.toBeNull();
    await request(writer.server)
      .post(`/learners/${flow.learnerId}/credentials/${flow.credentialId}/revocation`)
      .auth(flow.tokens.mitx.issuer, { type: 'bearer' })
      .send({ reason: 'identity verification failed' })
      .expect(201);
    const flagged = async () => {
      for await (const e of writer.store.readStream(`transfer-${flow.requestId}`)) if (e.type === 'RequestEvidenceChanged') return e;
      return null;
    };
    await waitUntil(async () => (await flagged()) !== null, 30_000, () => 'the transfer service to flag the request');
    const flag = await flagged();
    expect(flag?.metadata.actor).toEqual({ institutionId: 'platform', role: 'system' });
    const head = await writer.store.headPosition();
    await reactor?.waitFor(head, 30_000);
    await caughtUp();

    const registrar = flow.tokens.mit.registrar;
    const queue = await request(query.server).get('/queue?flag=evidence-changed').auth(registrar, { type: 'bearer' }).expect(200);
    expect(queue.body).toMatchObject({ total: 1, flagCounts: { 'evidence-changed': 1 } });
    expect(queue.body.items[0]).toMatchObject({ requestId: flow.requestId, status: 'decided', flags: ['evidence-changed'] });
    const submissions = await request(query.server).get('/submissions?flag=evidence-changed').auth(flow.tokens.uni.submitter, { type: 'bearer' }).expect(200);
    expect(submissions.body.items.map((i: { requestId: string }) => i.requestId)).toEqual([flow.requestId]);
    const ledger = await request(query.server).get(`/ledger/${flow.learnerId}`).auth(registrar, { type: 'bearer' }).expect(200);
    expect(ledger.body.entries.filter((e: { evidenceChange: unknown }) => e.evidenceChange !== null)).toHaveLength(7);
    expect(ledger.body.evidenceChanges).toMatchObject({ requests: [{ requestId: flow.requestId }], effect: { MIT_UNIT: { exact: '-45' } } });
    const health = await request(transfer.server).get('/health').expect(200);
    expect(health.body.info.evidenceReactor).toMatchObject({ status: 'up', state: 'postgres', flagged: 1, failures: 0 });
    expect(await dumpReadModels(queryDb())).toEqual(await rebuildDump(writer.store, db.url, 'rebuild_flag'));
  });

  // Printed, not asserted against the 500 ms target: writer, relay, query service and this driver
  // share one process and event loop here. The figure of record is `npm run bench:projections`
  // (relay and query service in their own processes, a steady writer).
  it('append-to-visible lag over Kafka for 500 appends (p50, p99), then still equal to the rebuild', async () => {
    const projector = query.app.get(KafkaProjector);
    const visibleAt = new Map<string, number>();
    const unsubscribe = projector.onApplied((event, outcome) => {
      if (outcome === 'applied') visibleAt.set(event.id, performance.now());
    });
    const ackedAt = new Map<string, number>();
    const stopListening = relay.app.get(RelayLifecycle).current?.onPublished((events) => {
      const now = performance.now();
      for (const event of events) ackedAt.set(event.id, now);
    });
    const appendedAt = new Map<string, number>();
    const issuer = flow.tokens.mitx.issuer;
    try {
      for (let i = 0; i < 500; i++) {
        const res = await request(writer.server).post('/learners').auth(issuer, { type: 'bearer' }).send({}).expect(201);
        appendedAt.set((res.body.eventIds as string[])[0], performance.now());
      }
      await waitUntil(() => [...appendedAt.keys()].every((id) => visibleAt.has(id)), 90_000, () => `500 events visible (got ${[...appendedAt.keys()].filter((id) => visibleAt.has(id)).length})`);
    } finally {
      unsubscribe();
      stopListening?.();
    }
    const times = [...appendedAt.values()];
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    const lags = sorted([...appendedAt].map(([id, at]) => (visibleAt.get(id) as number) - at));
    // Where the time goes: append -> Kafka acknowledged the relay's batch (and checkpoint saved) -> applied by the query service.
    const toAck = sorted([...appendedAt].map(([id, at]) => (ackedAt.get(id) ?? Number.NaN) - at));
    const ackToVisible = sorted([...appendedAt.keys()].map((id) => (visibleAt.get(id) as number) - (ackedAt.get(id) ?? Number.NaN)));
    const round = (v: number) => Math.round(v * 10) / 10;
    const summary = { n: lags.length, appendsMs: round(times[times.length - 1] - times[0]), p50: round(percentile(lags, 50)), p99: round(percentile(lags, 99)), max: round(lags[lags.length - 1]) };
    const stages = { appendToAck: { p50: round(percentile(toAck, 50)), p99: round(percentile(toAck, 99)) }, ackToVisible: { p50: round(percentile(ackToVisible, 50)), p99: round(percentile(ackToVisible, 99)) } };
    process.stdout.write(`[distributed] append-to-visible lag over Kafka (ms): ${JSON.stringify(summary)}; stages ${JSON.stringify(stages)}\n`);
    expect(ackedAt.size).toBe(500);
    expect(lags).toHaveLength(500);
    expect(summary.p50).toBeGreaterThan(0);

    await caughtUp();
    expect(await dumpReadModels(queryDb())).toEqual(await rebuildDump(writer.store, db.url, 'rebuild_2'));
  });
});
