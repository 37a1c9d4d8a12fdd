import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../src';
import { describeEventStoreContract } from './event-store.contract';

const dir = mkdtempSync(join(tmpdir(), 'es-sqlite-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEventStoreContract('sqlite', {
  uniqueIdsAcrossStreams: true,
  restores: true,
  open: async () => new SqliteEventStore(join(dir, `store-${(counter += 1)}.sqlite`)),
  tamper: async (store, eventId, data) => {
    (store as SqliteEventStore).connection
      .prepare('UPDATE events SET data = ? WHERE id = ?')
      .run(JSON.stringify(data), eventId);
  },
});

describe('SQLite group commit', () => {
  it('commits concurrent appends together; a conflicting one fails alone and writes nothing', async () => {
    const store = new SqliteEventStore(join(dir, 'group-commit.sqlite'));
    const { events } = await import('./contract-fixtures');
    await store.append('g-existing', events(1), 'no-stream');
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, i) => store.append(`g-${i}`, events(2), 'no-stream')),
      store.append('g-existing', events(1), 'no-stream'),
    ]);
    const failed = outcomes.filter((o) => o.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(outcomes[20].status).toBe('rejected');
    const positions = outcomes.flatMap((o) => (o.status === 'fulfilled' ? o.value.positions : []));
    expect(positions).toEqual(Array.from({ length: 40 }, (_, i) => positions[0] + i));
    expect(await store.headPosition()).toBe(positions[39]);
    await store.close();
  });
});

describe('SQLite multi-row insert', () => {
  it('reports the positions the rows got, across statement chunks and after a gap in positions', async () => {
    const store = new SqliteEventStore(join(dir, 'multi-row.sqlite'));
    const { collect, events } = await import('./contract-fixtures');
    const first = await store.append('m-1', events(150), 'no-stream');
    // A gap: the last rows deleted behind the store's back (AUTOINCREMENT never reuses positions).
    store.connection.prepare('DELETE FROM events WHERE position > ?').run(first.positions[139]);
    const second = await store.append('m-2', events(77), 'no-stream');
    const positionsOf = async (stream: string) => (await collect(store.readStream(stream))).map((e) => e.position);
    expect(await positionsOf('m-1')).toEqual(first.positions.slice(0, 140));
    expect(await positionsOf('m-2')).toEqual(second.positions);
    expect(second.positions[0]).toBe(first.positions[149] + 1);
    second.positions.slice(1).forEach((p, i) => expect(p).toBe(second.positions[i] + 1));
    await store.close();
  });
});
