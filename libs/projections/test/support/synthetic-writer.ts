import { Actor, EventStore, JsonObject, NewEvent } from '@app/event-store';
import { Decider, DomainEvent } from '@app/kernel';
import { SeededRandom } from './seeded-random';

/**
 * Runs commands through the real deciders without reading the store back: each stream's state
 * and revision are kept in memory (the generator is the only writer), the events are wrapped in
 * the envelope the app uses (UUIDv7 ids, correlation/causation ids, the actor) and appended at
 * the revision the state was folded from.
 */
export class SyntheticWriter {
  private readonly streams = new Map<string, { state: unknown; revision: number }>();
  appended = 0;
  readonly byType = new Map<string, number>();

  constructor(
    readonly store: EventStore,
    private readonly random: SeededRandom,
  ) {}

  state<S>(decider: { initialState: S }, stream: string): S {
    return (this.streams.get(stream)?.state as S | undefined) ?? decider.initialState;
  }

  /** Decides `command` on the stream's state, appends the events, folds them in (with their ids and positions). */
  async run<C, S, E extends DomainEvent>(decider: Decider<C, S, E>, stream: string, command: C, actor: Actor, occurredOn: string): Promise<NewEvent[]> {
    const current = this.streams.get(stream);
    const state = (current?.state as S | undefined) ?? decider.initialState;
    const decided = decider.decide(command, state);
    const correlationId = this.random.uuid();
    const events: NewEvent[] = decided.map((e) => ({
      id: this.random.uuid(),
      type: e.type,
      occurredAt: `${occurredOn}T10:00:00.000Z`,
      schemaVersion: 1,
      data: e.data as JsonObject,
      metadata: { correlationId, causationId: null, actor },
    }));
    const result = await this.store.append(stream, events, current ? current.revision : 'no-stream');
    let next = state;
    decided.forEach((e, i) => {
      next = decider.evolve(next, { ...e, id: events[i].id, position: result.positions[i] } as E);
      this.byType.set(e.type, (this.byType.get(e.type) ?? 0) + 1);
    });
    this.streams.set(stream, { state: next, revision: result.nextExpectedRevision });
    this.appended += events.length;
    return events;
  }
}
