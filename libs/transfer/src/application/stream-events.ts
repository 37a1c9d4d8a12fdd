import { EventStore, RecordedEvent } from '@app/event-store';
import { Decider, DomainEvent } from '@app/kernel';

/** All events of a stream, in order (streams of this context are small). */
export async function readEvents(store: EventStore, stream: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(stream)) events.push(event);
  return events;
}

/** A stream folded with a decider's evolve, with its revision (null when the stream does not exist). */
export async function loadAggregate<C, S, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<C, S, E>,
  stream: string,
): Promise<{ state: S; revision: number | null; events: RecordedEvent[] }> {
  const events = await readEvents(store, stream);
  const state = events.reduce((s, e) => decider.evolve(s, { type: e.type, data: e.data } as unknown as E), decider.initialState);
  return { state, revision: events.at(-1)?.revision ?? null, events };
}

/** "YYYY-MM-DD" of the command's source time (UTC). */
export function commandDate(occurredAt?: string): string {
  return (occurredAt ?? new Date().toISOString()).slice(0, 10);
}
