import { Decider, DomainEvent } from '@app/kernel';
import { RecordedEvent } from '../event-envelope';
import { EventStore } from '../event-store.port';
import { aggregateCacheFor, CachedAggregate } from './aggregate-cache';

/** All events of a stream, in order (for small streams: an aggregate's). */
export async function readStreamEvents(store: EventStore, stream: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(stream)) events.push(event);
  return events;
}

/** Identifies one idempotent request: the key is scoped to the institution that sent it. */
export function requestKey(institutionId: unknown, idempotencyKey: unknown): string | null {
  return typeof institutionId === 'string' && typeof idempotencyKey === 'string' ? `${institutionId}\u0000${idempotencyKey}` : null;
}

/**
 * Folds a stream with a decider through the per-store aggregate cache: only the events after the
 * cached revision are read. Shared by runCommand and by every handler or query that needs an
 * aggregate's current state.
 */
export async function foldStream<C, S, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<C, S, E>,
  stream: string,
): Promise<CachedAggregate<S>> {
  const cache = aggregateCacheFor(store, decider);
  const cached = cache.get<S>(stream);
  let state = cached?.state ?? decider.initialState;
  let revision = cached?.revision ?? null;
  let last = cached?.last ?? null;
  let keyed = cached?.keyed ?? new Map<string, RecordedEvent[]>();
  for await (const event of store.readStream(stream, { fromRevision: (revision ?? -1) + 1 })) {
    state = decider.evolve(state, { type: event.type, data: event.data, id: event.id, position: event.position } as unknown as E);
    revision = event.revision;
    last = { position: event.position, occurredAt: event.occurredAt };
    const key = requestKey(event.metadata.actor?.institutionId, event.metadata.idempotencyKey);
    if (key) {
      if (keyed === cached?.keyed) keyed = new Map(keyed);
      (keyed as Map<string, RecordedEvent[]>).set(key, [...(keyed.get(key) ?? []), event]);
    }
  }
  const entry = { state, revision, last, keyed };
  cache.set(stream, entry);
  return entry;
}

/** An aggregate's current state and stream revision (null when the stream does not exist). */
export async function loadAggregate<C, S, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<C, S, E>,
  stream: string,
): Promise<{ state: S; revision: number | null }> {
  const { state, revision } = await foldStream(store, decider, stream);
  return { state, revision };
}
