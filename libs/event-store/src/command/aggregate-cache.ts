import { RecordedEvent } from '../event-envelope';
import { EventStore } from '../event-store.port';

/**
 * What runCommand knows of a stream after folding it: the state at a revision, and the events
 * that carried an Idempotency-Key (to recognise retries without re-reading the stream). Entries
 * are immutable; a newer load replaces an entry, it never edits one.
 */
export interface CachedAggregate<S> {
  state: S;
  revision: number | null;
  /** The last event's global position and occurred-at (null when the stream does not exist). */
  last: { position: number; occurredAt: string } | null;
  /** `${institutionId}\0${idempotencyKey}` -> the events that request stored, in order. */
  keyed: ReadonlyMap<string, RecordedEvent[]>;
}

/**
 * A bounded LRU of folded aggregates per (event store, decider). Events are immutable and
 * appends are checked against the revision that was read, so a cached state is only ever
 * extended by reading the stream's tail: a stale entry costs a read, never a wrong decision.
 * Deciders must be pure (evolve returns a new state): all of ours are.
 */
export class AggregateCache {
  private readonly entries = new Map<string, CachedAggregate<unknown>>();

  constructor(private readonly capacity = 10_000) {}

  get<S>(stream: string): CachedAggregate<S> | undefined {
    const entry = this.entries.get(stream);
    if (entry) {
      this.entries.delete(stream);
      this.entries.set(stream, entry);
    }
    return entry as CachedAggregate<S> | undefined;
  }

  set<S>(stream: string, entry: CachedAggregate<S>): void {
    const current = this.entries.get(stream);
    if (current && (current.revision ?? -1) > (entry.revision ?? -1)) return;
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}

const caches = new WeakMap<EventStore, WeakMap<object, AggregateCache>>();

/** The cache of one decider's aggregates in one store. */
export function aggregateCacheFor(store: EventStore, decider: object): AggregateCache {
  let byDecider = caches.get(store);
  if (!byDecider) {
    byDecider = new WeakMap();
    caches.set(store, byDecider);
  }
  let cache = byDecider.get(decider);
  if (!cache) {
    cache = new AggregateCache();
    byDecider.set(decider, cache);
  }
  return cache;
}
