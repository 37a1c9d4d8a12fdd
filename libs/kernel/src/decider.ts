/**
 * The shared kernel of every bounded context: deciders are plain functions over plain data.
 * Nothing here knows about Nest, storage or transport.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** What a decider emits and folds: a type and JSON data. The event store adds the envelope. */
export interface DomainEvent<Type extends string = string, Data extends { [key: string]: Json } = { [key: string]: Json }> {
  type: Type;
  data: Data;
}

/**
 * decide(command, state) -> events, or throws a DomainError when the command is refused;
 * evolve(state, event) -> state. State is rebuilt by folding evolve over the stream's events.
 */
export interface Decider<Command, State, Event extends DomainEvent> {
  readonly initialState: State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
}

/** Folds events into state with a decider's evolve. */
export function fold<Command, State, Event extends DomainEvent>(
  decider: Decider<Command, State, Event>,
  events: Iterable<Event>,
  from: State = decider.initialState,
): State {
  let state = from;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
