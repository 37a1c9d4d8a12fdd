import { Decider, DomainError, DomainEvent, refuse } from '@app/kernel';
import { JsonObject, NewEvent, RecordedEvent } from '../event-envelope';
import { EventStore } from '../event-store.port';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.errors';
import { CommandContext, idFor } from './command-context';
import { foldStream, requestKey } from './load-aggregate';
import { ResourceRef, RevisionConflictError } from './revision-conflict';

export interface CommandOutcome {
  stream: string;
  /** Stream revision after the command (the ETag); null when the stream still does not exist. */
  revision: number | null;
  /** The events this command stored (or had stored, for a replayed idempotent request). */
  events: RecordedEvent[];
  /** True when the request was an idempotent retry: nothing new was appended. */
  replayed: boolean;
  /**
   * Global position of the last event this command stored (for a replay: of the stored events'
   * last one); for a command that stored nothing, the position of the stream's last event (what
   * the decision was made on); null when the stream does not exist. A read with
   * `minPosition` = this sees the command's effect.
   */
  position: number | null;
}

export interface RunCommandOptions {
  /** Schema version per event type (default 1). */
  schemaVersions?: Record<string, number>;
  /** Attempts when a concurrent writer moved the stream between load and append (no If-Match). */
  maxAttempts?: number;
  /** The resource as the caller named it, for the message of a revision conflict (never the stream name). */
  resource?: ResourceRef;
  /**
   * Refuse (400 naming /occurredAt) a command whose occurred-at is earlier than the stream's last
   * event's: for aggregates whose life is a sequence (a request is decided after it was submitted).
   * Set it when the client chose the time; the arrival time needs no check.
   */
  notBeforeLastEvent?: boolean;
}

/**
 * Load the stream, fold it, decide, append at the revision that was read. A race with another
 * writer is retried (the decision is re-made on fresh state) unless the caller pinned the
 * revision with If-Match, in which case it is a conflict.
 *
 * The decider is asked before a stale If-Match is reported: when it refuses because the resource
 * does not exist or is not the caller's to see (404) or to change (403), that answer stands
 * whatever revision the caller named (a decision on an unknown request is a 404, not a 409).
 * Store errors never leave here with stream names: a conflict is a RevisionConflictError naming
 * the resource as the caller did, an event id reused by an Idempotency-Key is a key reuse.
 */
export async function runCommand<C, S, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<C, S, E>,
  stream: string,
  command: C,
  context: CommandContext,
  options: RunCommandOptions = {},
): Promise<CommandOutcome> {
  const attempts = options.maxAttempts ?? 3;
  for (let attempt = 1; ; attempt += 1) {
    const loaded = await load(store, decider, stream, context);
    if (loaded.replay) return loaded.replay;
    const decided = decideBeforeRevisionCheck(decider, command, loaded.state, context.expectedRevision, loaded.revision, options.resource);
    if (options.notBeforeLastEvent) assertNotBeforeLast(loaded.last, context);
    if (decided.length === 0) return { stream, revision: loaded.revision, events: [], replayed: false, position: loaded.last?.position ?? null };
    const occurredAt = context.occurredAt ?? new Date().toISOString();
    const events = decided.map((event, index) => envelope(event, index, { ...context, occurredAt }, options));
    try {
      const result = await store.append(stream, events, loaded.revision === null ? 'no-stream' : loaded.revision);
      const stored: RecordedEvent[] = [];
      for await (const e of store.readStream(stream, { fromRevision: result.nextExpectedRevision - events.length + 1, limit: events.length })) {
        stored.push(e);
      }
      if (result.alreadyStored && stored.some((e) => e.metadata.requestHash !== (context.requestHash ?? null))) {
        // A concurrent request with the same key but another body got there first.
        throw keyReused(context);
      }
      return { stream, revision: result.nextExpectedRevision, events: stored, replayed: result.alreadyStored, position: stored.at(-1)?.position ?? null };
    } catch (error) {
      if (error instanceof DuplicateEventIdError && context.idempotencyKey) throw keyReused(context);
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const pinned = context.expectedRevision !== undefined;
      if (pinned || attempt >= attempts) {
        throw new RevisionConflictError(options.resource ?? null, pinned ? (context.expectedRevision ?? null) : loaded.revision, error.actual, pinned);
      }
    }
  }
}

/**
 * The decision, unless the caller's If-Match is stale: then a revision conflict, but for a
 * refusal that no fresh read would change for this caller (not found, forbidden), which stands.
 */
function decideBeforeRevisionCheck<C, S, E extends DomainEvent>(
  decider: Decider<C, S, E>,
  command: C,
  state: S,
  expectedRevision: number | undefined,
  revision: number | null,
  resource: ResourceRef | undefined,
): E[] {
  if (expectedRevision === undefined || expectedRevision === revision) return decider.decide(command, state);
  try {
    decider.decide(command, state);
  } catch (refusal) {
    if (!(refusal instanceof DomainError) || refusal.kind === 'not-found' || refusal.kind === 'forbidden') throw refusal;
  }
  throw new RevisionConflictError(resource ?? null, expectedRevision, revision, true);
}

async function load<C, S, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<C, S, E>,
  stream: string,
  context: CommandContext,
): Promise<{ state: S; revision: number | null; last: { position: number; occurredAt: string } | null; replay?: CommandOutcome }> {
  const { state, revision, last, keyed } = await foldStream(store, decider, stream);
  const earlier = keyed.get(requestKey(context.actor.institutionId, context.idempotencyKey) ?? '') ?? [];
  if (earlier.length > 0) {
    if (earlier[0].metadata.requestHash !== (context.requestHash ?? null)) throw keyReused(context);
    const final = earlier[earlier.length - 1];
    return { state, revision, last, replay: { stream, revision: final.revision, events: earlier, replayed: true, position: final.position } };
  }
  return { state, revision, last };
}

function assertNotBeforeLast(last: { occurredAt: string } | null, context: CommandContext): void {
  if (last === null || context.occurredAt === undefined || context.occurredAt >= last.occurredAt) return;
  throw refuse.invalid(
    'occurred-before-previous-step',
    `occurredAt ${context.occurredAt} is before the previous step, which occurred ${last.occurredAt}: a step cannot happen before the one it follows`,
    '/occurredAt',
  );
}

function keyReused(context: CommandContext): DomainError {
  return new DomainError('conflict', 'idempotency-key-reused', `Idempotency-Key "${context.idempotencyKey}" was already used for a different request`);
}

function envelope<E extends DomainEvent>(event: E, index: number, context: CommandContext & { occurredAt: string }, options: RunCommandOptions): NewEvent {
  return {
    id: idFor(context, `event-${index}`),
    type: event.type,
    occurredAt: context.occurredAt,
    schemaVersion: options.schemaVersions?.[event.type] ?? 1,
    data: event.data as JsonObject,
    metadata: {
      correlationId: context.correlationId,
      causationId: context.causationId ?? null,
      actor: context.actor,
      ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey, requestHash: context.requestHash ?? null } : {}),
    },
  };
}
