import { PostgresEventStore, RecordedEvent } from '../src';
import { events, waitFor } from './contract-fixtures';
import { dropSchema, openPostgresStore, uniqueSchema } from './postgres-test-db';

/**
 * The classic sequence-gap bug: with concurrent transactions, position n+1 can commit before n,
 * and a reader that follows positions skips n for ever. Eight writers on separate connections
 * append while a subscriber follows; every event must arrive exactly once, in position order.
 */
describe('PostgreSQL store under concurrent writers', () => {
  const schema = uniqueSchema('es_concurrency');
  const WRITERS = 8;
  const APPENDS_PER_WRITER = 60;
  let writers: PostgresEventStore[] = [];
  let reader: PostgresEventStore;

  beforeAll(async () => {
    reader = await openPostgresStore(schema, 2);
    writers = await Promise.all(Array.from({ length: WRITERS }, () => openPostgresStore(schema, 2)));
  });
  afterAll(async () => {
    await Promise.all([reader, ...writers].map((s) => s.close()));
    await dropSchema(schema);
  });

  it('delivers every event exactly once, in order, while 8 writers append', async () => {
    const delivered: RecordedEvent[] = [];
    // A tiny poll interval makes the reader race the writers as hard as it can.
    const sub = reader.subscribe((e) => void delivered.push(e), { after: -1, batchSize: 7, pollIntervalMs: 1 });

    const expectedIds: string[] = [];
    await Promise.all(
      writers.map(async (store, w) => {
        for (let i = 0; i < APPENDS_PER_WRITER; i += 1) {
          const batch = events(1 + (i % 3));
          batch.forEach((e) => expectedIds.push(e.id));
          // Jitter inside the transaction window is what opens the gap in a naive store.
          await store.append(`writer-${w}-${i % 5}`, batch, 'any');
        }
      }),
    );

    // On a timeout, fall through: the assertions below then name what was skipped.
    await waitFor(() => delivered.length >= expectedIds.length, 20000).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sub.stop();

    const positions = delivered.map((e) => e.position);
    const deliveredIds = new Set(delivered.map((e) => e.id));
    expect(expectedIds.filter((id) => !deliveredIds.has(id))).toEqual([]);
    expect(deliveredIds.size).toBe(delivered.length);
    expect(delivered.map((e) => e.id).sort()).toEqual([...expectedIds].sort());
    positions.slice(1).forEach((p, i) => expect(p).toBeGreaterThan(positions[i]));
    const all: RecordedEvent[] = [];
    for await (const e of reader.readAll()) all.push(e);
    expect(all.map((e) => e.id)).toEqual(delivered.map((e) => e.id));
  });
});
