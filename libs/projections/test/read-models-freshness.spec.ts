import { DataSource } from 'typeorm';
import { NewEvent, RecordedEvent, SqliteEventStore } from '@app/event-store';
import { createReadModelDataSource, maxInboxPosition, migrateReadModels, ReadModelOptions, ReadModelProjector, writeCheckpoint } from '../src';
import { ReadModelInbox } from '../src/runtime/projection-inbox';
import { embeddedFreshness, fedFreshness } from '../src/runtime/read-models-freshness';

const event = (type: string): NewEvent => ({
  id: crypto.randomUUID(),
  type,
  occurredAt: '2026-01-01T00:00:00.000Z',
  schemaVersion: 1,
  data: {},
  metadata: { correlationId: 'c', causationId: null, actor: null },
});

describe('read models fed over Kafka: "reached P" is decided per event, not by the highest position applied', () => {
  let store: SqliteEventStore;
  let db: DataSource;
  let a: RecordedEvent;
  let b: RecordedEvent;
  const applied = (...events: RecordedEvent[]) => new ReadModelInbox(db.manager).recordAll(events);
  const freshness = () => fedFreshness(db, { current: () => maxInboxPosition(db.manager) }, store, 1000);

  beforeEach(async () => {
    store = new SqliteEventStore(':memory:');
    const options: ReadModelOptions = { kind: 'sqlite', file: ':memory:' };
    db = createReadModelDataSource(options);
    await migrateReadModels(db, options);
    // Two streams, as two Kafka partitions would carry them: A's event first in the global order, B's after it.
    await store.append('learner-a', [event('A')], 'no-stream');
    await store.append('learner-b', [event('B')], 'no-stream');
    const all: RecordedEvent[] = [];
    for await (const e of store.readAll({ after: -1 })) all.push(e);
    [a, b] = all;
  });
  afterEach(async () => {
    await db.destroy();
    await store.close();
  });

  it("B's partition applied before A's: upToPosition is past A, yet A's position is not reached; B's is", async () => {
    await applied(b);
    const f = freshness();
    expect(await f.current()).toBe(b.position);
    expect(await f.reach(a.position, 60)).toEqual({ reached: false, upToPosition: b.position });
    expect(await f.reach(b.position, 0)).toEqual({ reached: true, upToPosition: b.position });
  });

  it('waits until the event at the position is applied, then answers', async () => {
    await applied(b);
    const waiting = freshness().reach(a.position, 1000);
    setTimeout(() => void applied(a), 100);
    const started = Date.now();
    expect(await waiting).toEqual({ reached: true, upToPosition: b.position });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('a stored checkpoint (a rebuild, an embedded projector: gap-free) at or past the position is reached', async () => {
    await writeCheckpoint(db.manager, b.position);
    expect((await freshness().reach(a.position, 0)).reached).toBe(true);
  });

  it('a position that is no event falls back to the highest position applied', async () => {
    expect((await freshness().reach(b.position + 5, 0)).reached).toBe(false);
    await applied(a, b);
    expect((await freshness().reach(b.position + 5, 30)).reached).toBe(false);
    // Without the store in the process, only the highest position applied can tell.
    const blind = fedFreshness(db, { current: () => maxInboxPosition(db.manager) }, undefined, 1000);
    expect((await blind.reach(a.position, 0)).reached).toBe(true);
  });
});

describe('embedded read models: the checkpoint is gap-free', () => {
  class FakeProjector extends ReadModelProjector {
    constructor(private readonly at: { value: number }, private readonly wait: (position: number, timeoutMs?: number) => Promise<void>) {
      super();
    }
    get checkpoint() { return this.at.value; }
    get status() { return { running: true, checkpoint: this.at.value, failures: 0 }; }
    start() { return Promise.resolve(); }
    stop() { return Promise.resolve(); }
    waitFor(position: number, timeoutMs?: number) { return this.wait(position, timeoutMs); }
  }
  const projectorAt = (checkpoint: { value: number }, waitFor: (position: number, timeoutMs?: number) => Promise<void>) => new FakeProjector(checkpoint, waitFor);

  it('reached at once when the checkpoint is there; otherwise the projector is waited for, bounded', async () => {
    const at = { value: 10 };
    const waits: number[] = [];
    const projector = projectorAt(at, async (position, timeoutMs) => {
      waits.push(timeoutMs ?? -1);
      if (position > 12) throw new Error('did not reach');
      at.value = position;
    });
    const f = embeddedFreshness(projector, 300);
    expect(f.waitMs).toBe(300);
    expect(await f.reach(10, 300)).toEqual({ reached: true, upToPosition: 10 });
    expect(waits).toEqual([]);
    expect(await f.reach(12, 300)).toEqual({ reached: true, upToPosition: 12 });
    expect(await f.reach(20, 300)).toEqual({ reached: false, upToPosition: 12 });
    expect(waits).toEqual([300, 300]);
  });
});
