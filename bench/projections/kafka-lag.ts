import { loadavg } from 'node:os';
import { Pool } from 'pg';
import { PostgresEventStore } from '@app/event-store';
import { LINGER_MS } from '@app/messaging';
import { newCredentialToken } from '@app/platform';
import { generateSyntheticLog } from '../../libs/projections/test/support/synthetic-log';
import { KafkaMock, startKafkaMock } from '../../test/support/kafka-mock';
import { BASE_DATABASE_URL, createTestDatabase } from '../../test/support/pg-database';
import { postgresReachable } from '../lib/postgres-reachable';
import { percentile, Row } from '../lib/report';
import { runSteadyWriter } from './learner-appender';
import { AppProcess, startAppProcess } from '../lib/app-process';
import { VisibilityProbe } from './visibility-probe';

const SEED_LEARNERS = Number(process.env.BENCH_KAFKA_LEARNERS ?? '300');
const APPENDS = Number(process.env.BENCH_KAFKA_APPENDS ?? '3000');
const PER_SECOND = Number(process.env.BENCH_KAFKA_RATE ?? '200');
/** What a deployment sets KAFKA_FETCH_MAX_WAIT_MS to (see README): a real broker answers a fetch as soon as data arrives, the mock only after the whole wait. */
const FETCH_MAX_WAIT_MS = Number(process.env.BENCH_KAFKA_FETCH_MAX_WAIT_MS ?? '100');
const PROBE_INTERVAL_MS = 5;
const TARGET_P99_MS = 500;
const READ_MODEL_SCHEMA = 'query_rm';

export interface KafkaLagReport {
  /** Settings, load and how the figures were taken, printed above the table. */
  notes: string[];
  rows: Row[];
}

const skipped = (reason: string): KafkaLagReport => ({ notes: [], rows: [{ measure: 'append -> Kafka -> query service read models', status: `SKIPPED: ${reason}` }] });

const load = (): string => loadavg().map((l) => l.toFixed(2)).join(', ');

function stage(measure: string, values: number[], target = ''): Row {
  const sorted = [...values].sort((a, b) => a - b);
  const p99 = percentile(sorted, 99);
  return {
    measure,
    samples: sorted.length,
    'p50 ms': percentile(sorted, 50),
    'p99 ms': p99,
    'max ms': sorted[sorted.length - 1],
    target: target ? `p99 <= ${TARGET_P99_MS} ms` : '',
    met: target ? (p99 <= TARGET_P99_MS ? 'yes' : 'NO') : '',
  };
}

/**
 * Append-to-visible lag over Kafka (distributed mode), each service in its own process: a
 * PostgreSQL event store in a fresh database seeded with a synthetic log; librdkafka's mock
 * cluster (kcat, 3 brokers, 4 partitions per topic); `apps/relay` and `apps/query` started as
 * child processes; this process appends single completions (learner-keyed) at a steady rate and
 * polls when each one's inbox row (same transaction as its read-model rows) appears in the query
 * service's schema, and when the relay's checkpoint (saved after Kafka's ack) passed it.
 * Skipped, with the reason printed, without PostgreSQL or kcat.
 */
export async function benchKafkaLag(): Promise<KafkaLagReport> {
  if (!(await postgresReachable(BASE_DATABASE_URL))) return skipped(`PostgreSQL not reachable at ${BASE_DATABASE_URL} (set DATABASE_URL)`);
  let mock: KafkaMock;
  try {
    mock = await startKafkaMock();
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('kcat not found')) return skipped(`${error.message} (or run .ci/ensure-kcat.sh)`);
    throw error;
  }
  const db = await createTestDatabase('bench_kafka');
  const store = await PostgresEventStore.connect({ connectionString: db.url });
  const pool = new Pool({ connectionString: db.url, max: 1 });
  const services: AppProcess[] = [];
  const probe = new VisibilityProbe({ databaseUrl: db.url, readModelSchema: READ_MODEL_SCHEMA, relayCheckpointSchema: 'event_store', relayName: 'kafka', intervalMs: PROBE_INTERVAL_MS });
  try {
    const log = await generateSyntheticLog(store, { learners: SEED_LEARNERS, seed: 11, concurrency: 8 });
    const kafka = { KAFKA_BROKERS: mock.brokers.join(','), KAFKA_TOPIC_PREFIX: `bench-${Date.now()}.`, KAFKA_CREATE_TOPICS: 'false', KAFKA_FETCH_MAX_WAIT_MS: String(FETCH_MAX_WAIT_MS) };
    const common = { EVENT_STORE: 'postgres', DATABASE_URL: db.url, ADMIN_TOKEN: newCredentialToken().token, ...kafka };
    services.push(await startAppProcess('query', { ...common, READ_MODEL: 'postgres', READ_MODEL_SCHEMA, KAFKA_GROUP_ID: 'bench-query' }));
    services.push(await startAppProcess('relay', common));

    // The seed log reaches the read models first (catch-up is not what is measured).
    const inboxCount = async (): Promise<number> => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${READ_MODEL_SCHEMA}.projection_inbox`)).rows[0].n);
    const caughtUpBy = Date.now() + 180_000;
    while ((await inboxCount().catch(() => 0)) < log.events) {
      if (Date.now() > caughtUpBy) throw new Error(`the query service did not apply the ${log.events} seed events in 180 s (inbox: ${await inboxCount()})`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Half the appends for learners with progress rows (the completion re-evaluates them), half for others.
    const ids = async (sql: string): Promise<string[]> => (await pool.query<{ id: string }>(sql)).rows.map((r) => r.id);
    const withProgress = await ids(`SELECT DISTINCT learner_id AS id FROM ${READ_MODEL_SCHEMA}.rm_progress ORDER BY learner_id LIMIT 100`);
    const others = await ids(`SELECT learner_id AS id FROM ${READ_MODEL_SCHEMA}.rm_learners WHERE learner_id NOT IN (SELECT learner_id FROM ${READ_MODEL_SCHEMA}.rm_progress) ORDER BY learner_id LIMIT 100`);
    const learnerIds = withProgress.flatMap((id, i) => (others[i] ? [id, others[i]] : [id])).concat(others.slice(withProgress.length));

    const loadBefore = load();
    probe.start();
    const written = await runSteadyWriter(store, { learnerIds, appends: APPENDS, perSecond: PER_SECOND, onAppended: (a) => probe.watch(a.position, a.eventId) });
    await probe.allVisible(60_000);
    const loadAfter = load();

    const appends = written.appends;
    const ack = (p: number): number => probe.ackedAt.get(p) ?? Number.NaN;
    const visible = (p: number): number => probe.visibleAt.get(p) ?? Number.NaN;
    return {
      notes: [
        `settings: ${appends.length} single-event completions at ${PER_SECOND}/s (achieved ${((appends.length * 1000) / written.elapsedMs).toFixed(0)}/s, ${written.late} started > 10 ms late), ${learnerIds.length} learners, over a seeded log of ${log.events} events`,
        `  relay (defaults): RELAY_BATCH_SIZE 500, RELAY_LINGER_MS ${process.env.RELAY_LINGER_MS ?? LINGER_MS}, woken by the store's LISTEN/NOTIFY; query: KAFKA_FETCH_MAX_WAIT_MS ${FETCH_MAX_WAIT_MS}, fetch min bytes 1 (kafkajs default), fetching on while a transaction runs: a partition's batches fetched meanwhile make its next slice (<= 500 events), slices of partitions ready together share one read-model transaction`,
        `  broker: librdkafka's mock cluster (kcat), 3 brokers, 4 partitions per topic. Unlike Kafka, the mock holds a fetch that found no data for the whole max wait (data produced meanwhile does not end it), hence ${FETCH_MAX_WAIT_MS} ms here (on Kafka the value only paces idle fetches); and it returns at most ONE record batch per partition per fetch, so the fetched batches are the relay's (a real broker returns all it has, up to 1 MB per partition)`,
        `  visibility: polled every ${PROBE_INTERVAL_MS} ms from this process (inbox row of the event, committed with its read-model rows; relay checkpoint, saved after Kafka's ack): times are up to ${PROBE_INTERVAL_MS} ms late; ${probe.polls} polls`,
        `  load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter}`,
      ],
      rows: [
        stage('append alone (baseline: PostgreSQL store, single event)', appends.map((a) => a.appendedAt - a.startedAt)),
        stage('append resolved -> relay checkpoint (Kafka acked)', appends.map((a) => ack(a.position) - a.appendedAt)),
        stage('relay checkpoint -> query service read models', appends.map((a) => visible(a.position) - ack(a.position))),
        stage('append resolved -> query service read models show it', appends.map((a) => visible(a.position) - a.appendedAt), 'target'),
      ],
    };
  } finally {
    await probe.stop().catch(() => undefined);
    for (const service of services.reverse()) await service.stop().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await store.close().catch(() => undefined);
    await mock.stop();
    await db.drop();
  }
}
