import { EventStore, readStreamEvents, RecordedEvent } from '@app/event-store';
import { Decider, DomainEvent, fold } from '@app/kernel';

/**
 * A stream's events AND the state they fold to, for the readers that show or search the events
 * themselves (request history, a policy's publication events). State alone: `loadAggregate`
 * from @app/event-store, which goes through the aggregate cache.
 */
export async function loadWithEvents<C, S, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<C, S, E>,
  stream: string,
): Promise<{ state: S; revision: number | null; events: RecordedEvent[] }> {
  const events = await readStreamEvents(store, stream);
  const state = fold(decider, events.map((e) => ({ type: e.type, data: e.data, id: e.id, position: e.position }) as unknown as E));
  return { state, revision: events.at(-1)?.revision ?? null, events };
}
