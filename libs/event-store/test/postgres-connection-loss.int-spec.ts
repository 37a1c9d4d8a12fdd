import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore, RecordedEvent, verifyChain } from '../src';
import { newEvent } from './contract-fixtures';
import { dropSchema, POSTGRES_URL, uniqueSchema } from './postgres-test-db';

const schema = uniqueSchema('es_conn_loss');
const applicationName = `conn_loss_${randomUUID().slice(0, 8)}`;
const admin = new Pool({ connectionString: POSTGRES_URL, max: 1 });
let store: PostgresEventStore;

const event = (n: number) => newEvent('Noted', { n });

/** Closes every server connection the store holds, as a PostgreSQL restart or an operator would. */
async function terminateStoreConnections(): Promise<number> {
  const { rows } = await admin.query<{ terminated: boolean }>(
    'SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE application_name = $1',
    [applicationName],
  );
  return rows.filter((r) => r.terminated).length;
}

beforeAll(async () => {
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('application_name', applicationName);
  store = await PostgresEventStore.connect({ connectionString: url.toString(), schema, poolSize: 4 });
});
afterAll(async () => {
  await store?.close();
  await dropSchema(schema);
  await admin.end();
});

describe('PostgreSQL store when the server closes its connections', () => {
  it('does not crash the process on idle connections being terminated, and keeps appending, reading and delivering', async () => {
    // Several connections open and idle in the pool (and the LISTEN connection).
    await Promise.all([0, 1, 2, 3].map((n) => store.append(`note-${n}`, [event(n)], 'no-stream')));
    const pool = store.connection;
    const idle = pool.idleCount;
    expect(idle).toBeGreaterThanOrEqual(2);
    let reported = 0;
    pool.on('error', () => void (reported += 1));
    // The pool's idle connections and the LISTEN connection.
    expect(await terminateStoreConnections()).toBe(idle + 1);
    // pg reports each terminated idle connection as an 'error' on the pool; unhandled, it would end the process.
    const deadline = Date.now() + 5_000;
    while (reported < idle && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(reported).toBe(idle);

    // A subscriber started now (its wake-up connection is still reconnecting) gets everything.
    const delivered: RecordedEvent[] = [];
    const subscription = store.subscribe((e) => void delivered.push(e), { after: -1, pollIntervalMs: 50 });
    try {

      const after = await store.append('note-after', [event(99)], 'no-stream');
      expect(after.nextExpectedRevision).toBe(0);
      const read = [];
      for await (const e of store.readStream('note-after')) read.push(e);
      expect(read.map((e) => e.data)).toEqual([{ n: 99 }]);
      while (!delivered.some((e) => e.stream === 'note-after') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(delivered.map((e) => e.stream).sort()).toEqual(['note-0', 'note-1', 'note-2', 'note-3', 'note-after']);
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await subscription.stop();
    }
  });
});

describe('PostgreSQL store when connections die under appends', () => {
  it('fails the appends in flight with an error (never the process), then appends again with an intact chain', async () => {
    const appends: Promise<unknown>[] = [];
    for (let n = 0; n < 200; n += 1) {
      appends.push(store.append(`busy-${n % 8}`, [event(n)], 'any').catch((error: unknown) => error));
      if (n === 50 || n === 120) await terminateStoreConnections();
      if (n % 10 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    const outcomes = await Promise.all(appends);
    const succeeded = outcomes.filter((o) => !(o instanceof Error)).length;
    expect(succeeded).toBeGreaterThan(0);
    const after = await store.append('busy-after', [event(1)], 'no-stream');
    expect(after.nextExpectedRevision).toBe(0);
    // Every append reported as done is stored, once; none reported as failed is.
    let stored = 0;
    for (let s = 0; s < 8; s += 1) {
      const stream = [];
      for await (const e of store.readStream(`busy-${s}`)) stream.push(e);
      expect(stream.map((e) => e.revision)).toEqual(stream.map((_, i) => i));
      stored += stream.length;
    }
    expect(stored).toBe(succeeded);
    const verified = await verifyChain(store.readAll({ after: -1 }));
    expect(verified.firstFault).toBeNull();
  });
});
