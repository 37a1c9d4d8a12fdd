import { NewEvent, RecordedEvent, SerializedRecordedEvent } from './event-envelope';

/**
 * What the caller expects the stream to be before the append:
 * - 'no-stream': the stream must not exist;
 * - 'stream-exists': the stream must have at least one event;
 * - 'any': no check;
 * - a number: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'no-stream' | 'stream-exists' | 'any' | number;

export interface AppendResult {
  stream: string;
  /** Revision of the stream's last event after the append (use it as the next expected revision). */
  nextExpectedRevision: number;
  /** Global positions of the appended events, in order. */
  positions: number[];
  /** True when every event was already stored (an idempotent retry): nothing was written. */
  alreadyStored: boolean;
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive). Default 0. */
  fromRevision?: number;
  /** Read at most this many events. */
  limit?: number;
}

export interface ReadAllOptions {
  /** Read events whose position is strictly greater than this. Default: from the start (-1). */
  after?: number;
  /** Events fetched per round trip; memory stays bounded by it. Default 500. */
  batchSize?: number;
  /** Stop after this many events. */
  limit?: number;
  /** Stop at (and include) this position. */
  upTo?: number;
  /**
   * Only events of these types (default: every type), still in global order; `limit` counts the
   * events returned. SQLite and PostgreSQL filter in the database (no event of another type is
   * parsed or sent; `batchSize` counts the events returned), EventStoreDB in the client
   * (`batchSize` counts the records read from $all). Empty: nothing is returned.
   */
  types?: readonly string[];
}

export interface SubscribeOptions {
  /** Deliver events whose position is strictly greater than this (the subscriber's checkpoint). */
  after: number;
  batchSize?: number;
  /** Poll interval (ms) for writes made by other processes; in-process appends wake it at once. */
  pollIntervalMs?: number;
}

/** A handler may be async; the subscription waits for it before delivering the next event. */
export type EventHandler = (event: RecordedEvent) => void | Promise<void>;

export interface Subscription {
  /**
   * Stops delivery; resolves once the handler is no longer running. A handler that wants to stop
   * its own subscription must not await this (it would wait for itself): call it without await.
   */
  stop(): Promise<void>;
  /** Resolves when the subscription ends (stopped or failed); rejects with the handler's error. */
  readonly done: Promise<void>;
  /** True once the catch-up has reached the head at least once. */
  readonly live: boolean;
}

/** The event store port. Every adapter passes `libs/event-store/test/event-store.contract.ts`. */
export interface EventStore {
  /** Adapter name for logs and health ("sqlite", "postgres", "eventstoredb"). */
  readonly name: string;
  /**
   * Appends atomically. A wrong expected revision throws WrongExpectedRevisionError and writes
   * nothing. Events whose ids are already stored in this stream, in the same order at the tail
   * of an earlier append, are not stored again: the original result is returned.
   */
  append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /**
   * Optional: `readAll` with data and metadata left as the stored canonical JSON text, for
   * verifying hashes without parsing (SQLite keeps that text; PostgreSQL's jsonb does not).
   */
  readAllSerialized?(options?: ReadAllOptions): AsyncIterable<SerializedRecordedEvent>;
  /** Catches up from the checkpoint, then follows live appends, in global order, without gaps. */
  subscribe(handler: EventHandler, options: SubscribeOptions): Subscription;
  /** Revision of the stream's last event, or null when the stream does not exist. */
  streamRevision(stream: string): Promise<number | null>;
  /** Position of the last stored event, or -1 for an empty store. */
  headPosition(): Promise<number>;
  /**
   * Optional capability (SQLite, PostgreSQL; not EventStoreDB, which assigns its own commit
   * positions and cannot take them from a file): stores already-recorded events verbatim (ids,
   * revisions, positions, recordedAt, hashes) for an import or a migration. Only strictly after
   * the head: positions must increase and exceed headPosition(); each event must continue its
   * stream (next revision, previousHash = the stored head's hash). All or nothing per call;
   * throws RestoreRejectedError otherwise. It does not recompute hashes: callers verify first.
   */
  restore?(events: RecordedEvent[]): Promise<void>;
  /**
   * Optional (SQLite): calls `listener` after each commit of appends made through this instance
   * (e.g. to wake a projector reading the same file on another thread). Returns the unsubscribe.
   */
  onAppended?(listener: () => void): () => void;
  /**
   * Optional (SQLite): another connection to the same store appended; wakes this instance's
   * subscriptions now instead of at their next poll.
   */
  wakeSubscriptions?(): void;
  /** Cheap liveness check for /health; throws when the store is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol.for('credit-transfer.EventStore');
