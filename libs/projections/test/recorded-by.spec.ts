import { createEventStore, EventStore } from '@app/event-store';
import { newEvent } from '../../event-store/test/contract-fixtures';
import { lastPositionRecordedBy } from '../src/as-of/recorded-by';

describe('lastPositionRecordedBy', () => {
  let store: EventStore;
  afterEach(() => store.close());

  it('finds, for every recorded-at, the last position recorded by then (and -1 before the first)', async () => {
    store = await createEventStore({ kind: 'sqlite', path: ':memory:' });
    const recorded: { position: number; recordedAt: string }[] = [];
    for (let i = 0; i < 37; i++) {
      const result = await store.append(`s-${i % 5}`, [newEvent('Happened', { i })], 'any');
      if (i % 9 === 0) await new Promise((resolve) => setTimeout(resolve, 3));
      recorded.push({ position: result.positions[0], recordedAt: '' });
    }
    for await (const e of store.readAll()) recorded[recorded.findIndex((r) => r.position === e.position)].recordedAt = e.recordedAt;
    expect(await lastPositionRecordedBy(store, '2000-01-01T00:00:00.000Z')).toBe(-1);
    for (const r of recorded) {
      const expected = Math.max(...recorded.filter((x) => x.recordedAt <= r.recordedAt).map((x) => x.position));
      expect(await lastPositionRecordedBy(store, r.recordedAt)).toBe(expected);
    }
    expect(await lastPositionRecordedBy(store, '2999-01-01T00:00:00.000Z')).toBe(await store.headPosition());
  });

  it('on an empty store, -1', async () => {
    store = await createEventStore({ kind: 'sqlite', path: ':memory:' });
    expect(await lastPositionRecordedBy(store, '2999-01-01T00:00:00.000Z')).toBe(-1);
  });
});
