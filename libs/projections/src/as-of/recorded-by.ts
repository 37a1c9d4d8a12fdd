import { EventStore, RecordedEvent } from '@app/event-store';

async function firstAfter(store: EventStore, after: number): Promise<RecordedEvent | null> {
  for await (const event of store.readAll({ after, limit: 1, batchSize: 1 })) return event;
  return null;
}

/**
 * The position of the last event recorded at or before `at` (ISO-8601 UTC), found in the store
 * itself by binary search over positions (recorded-at never decreases along the global order in
 * either adapter: SQLite and PostgreSQL both stamp it under the write lock). O(log n) reads; no
 * index that could lag behind the store. -1 when nothing was recorded by then.
 */
export async function lastPositionRecordedBy(store: EventStore, at: string): Promise<number> {
  let lo = -1; // an event position recorded by `at`, or -1
  let hi = (await store.headPosition()) + 1; // every event at or after hi was recorded after `at` (or does not exist)
  for (;;) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid <= lo) return lo;
    const event = await firstAfter(store, mid - 1);
    if (!event || event.position >= hi) hi = mid;
    else if (event.recordedAt <= at) lo = event.position;
    else hi = event.position;
  }
}
