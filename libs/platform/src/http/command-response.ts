import { CommandOutcome } from '@app/event-store';

/** What every successful write returns: the aggregate id and its stream revision (also the ETag). */
export interface CommandResponse {
  id: string;
  revision: number;
  /** True when this was a retried request (same Idempotency-Key): nothing new was stored. */
  replayed: boolean;
  /** Ids of the events the command stored. */
  eventIds: string[];
  /**
   * Global position of the command's last event (for a replay: of the stored events' last one;
   * for a command that stored nothing: of the aggregate's last event, null if it has none). Send
   * it as `minPosition` to a read to see this write.
   */
  position: number | null;
}

/** The part of a response a handler uses (`@Res({ passthrough: true })`): setting a header. */
export interface HeaderResponse {
  header(name: string, value: string): unknown;
}

export function etagOf(revision: number): string {
  return `"${revision}"`;
}

/** Sets ETag and returns the standard body for a command outcome. */
export function commandResponse(response: HeaderResponse, id: string, outcome: CommandOutcome): CommandResponse {
  const revision = outcome.revision ?? -1;
  response.header('ETag', etagOf(revision));
  return { id, revision, replayed: outcome.replayed, eventIds: outcome.events.map((event) => event.id), position: outcome.position };
}
