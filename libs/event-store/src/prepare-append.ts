import { NewEvent, RecordedEvent } from './event-envelope';
import { AppendResult, ExpectedRevision } from './event-store.port';
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from './event-store.errors';
import { hashSerialized } from './hash-chain';
import { canonicalJson } from './canonical-json';

/**
 * Adapter-independent append logic: validation, the expected-revision check, idempotent
 * retries and hash chaining. Adapters supply what they read inside their write transaction.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STREAM = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,199}$/;

/** Rejects malformed appends before any I/O; normalises occurredAt to ISO-8601 UTC. */
export function validateAppend(stream: string, events: NewEvent[], expected: ExpectedRevision): NewEvent[] {
  if (!STREAM.test(stream)) throw new InvalidAppendError(`invalid stream name "${stream}"`);
  if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
    throw new InvalidAppendError(`expected revision must be a non-negative integer, got ${expected}`);
  }
  if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  const seen = new Set<string>();
  return events.map((event, index) => {
    const at = `events[${index}]`;
    if (typeof event.id !== 'string' || !UUID.test(event.id)) throw new InvalidAppendError(`${at}.id must be a UUID`);
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new InvalidAppendError(`${at}.id ${id} appears twice in one append`);
    seen.add(id);
    if (typeof event.type !== 'string' || event.type.length === 0) throw new InvalidAppendError(`${at}.type is required`);
    const occurredAt = normalizeOccurredAt(event.occurredAt);
    if (occurredAt === null) {
      throw new InvalidAppendError(`${at}.occurredAt must be an RFC 3339 date-time with an offset, e.g. 2026-05-01T10:00:00Z`);
    }
    if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new InvalidAppendError(`${at}.schemaVersion must be a positive integer`);
    }
    if (event.data === null || typeof event.data !== 'object' || Array.isArray(event.data)) {
      throw new InvalidAppendError(`${at}.data must be a JSON object`);
    }
    if (!event.metadata || typeof event.metadata.correlationId !== 'string') {
      throw new InvalidAppendError(`${at}.metadata.correlationId is required`);
    }
    return { id, type: event.type, occurredAt, schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata };
  });
}

/**
 * parseRfc3339 as ISO-8601 UTC text, remembering the last input: the events of one append (one
 * command) usually share their occurredAt.
 */
let lastOccurred: { input: string; iso: string } | null = null;
function normalizeOccurredAt(value: unknown): string | null {
  if (lastOccurred !== null && value === lastOccurred.input) return lastOccurred.iso;
  const instant = parseRfc3339(value);
  if (instant === null) return null;
  lastOccurred = { input: value as string, iso: instant.toISOString() };
  return lastOccurred.iso;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Strict RFC 3339: explicit offset (so the stored instant never depends on the server's time
 * zone), a real calendar date (no 2024-02-30 rolled into March), years 0001-9999.
 */
export function parseRfc3339(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = RFC3339.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (year < 1 || calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime()) || instant.getUTCFullYear() < 1 || instant.getUTCFullYear() > 9999) return null;
  return instant;
}

export interface StoredIdRef {
  id: string;
  stream: string;
  revision: number;
  position: number;
}

/**
 * Decides what to do with ids that are already stored. Returns the original result when the
 * append is an exact retry (same stream, same ids, consecutive revisions in the same order),
 * null when none of the ids is stored, and throws when the overlap is anything else.
 */
export function resolveRetry(stream: string, events: NewEvent[], stored: StoredIdRef[]): AppendResult | null {
  if (stored.length === 0) return null;
  const byId = new Map(stored.map((ref) => [ref.id, ref]));
  const refs = events.map((event) => byId.get(event.id));
  const first = refs[0];
  refs.forEach((ref, index) => {
    const id = events[index].id;
    if (!ref) throw new DuplicateEventIdError(stream, events[0].id, `is already stored but ${id} is not: not a retry`);
    if (ref.stream !== stream) throw new DuplicateEventIdError(stream, id, `is already stored in stream "${ref.stream}"`);
    if (!first || ref.revision !== first.revision + index) {
      throw new DuplicateEventIdError(stream, id, 'is already stored at a different place in the stream');
    }
  });
  const last = refs[refs.length - 1] as StoredIdRef;
  return {
    stream,
    nextExpectedRevision: last.revision,
    positions: refs.map((ref) => (ref as StoredIdRef).position),
    alreadyStored: true,
  };
}

/** Throws WrongExpectedRevisionError unless the stream's current revision satisfies `expected`. */
export function checkExpectedRevision(stream: string, expected: ExpectedRevision, current: number | null): void {
  const ok =
    expected === 'any' ||
    (expected === 'no-stream' && current === null) ||
    (expected === 'stream-exists' && current !== null) ||
    (typeof expected === 'number' && current === expected);
  if (!ok) throw new WrongExpectedRevisionError(stream, expected, current);
}

export interface ChainedEvent {
  event: Omit<RecordedEvent, 'position'>;
  /** data and metadata in canonical JSON, as hashed: adapters store these texts as they are. */
  dataJson: string;
  metadataJson: string;
}

/** Builds the rows to insert: revisions after the head, recordedAt, and the hash chain. */
export function chainEvents(
  stream: string,
  events: NewEvent[],
  head: { revision: number; hash: string } | null,
  recordedAt: string,
): ChainedEvent[] {
  let previousHash = head ? head.hash : null;
  let revision = head ? head.revision : -1;
  return events.map(({ id, type, occurredAt, schemaVersion, data, metadata }) => {
    revision += 1;
    const dataJson = canonicalJson(data);
    const metadataJson = canonicalJson(metadata);
    // One object per event, its hash filled in once computed (the hash does not cover itself).
    const event = { id, type, occurredAt, schemaVersion, data, metadata, stream, revision, recordedAt, previousHash, hash: '' };
    event.hash = hashSerialized(event, dataJson, metadataJson);
    previousHash = event.hash;
    return { event, dataJson, metadataJson };
  });
}

/** True when a driver error is the unique violation on the event id (a possible retry). */
export function isDuplicateIdViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string; constraint?: string } | null;
  if (!e) return false;
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return /events\.id\b/.test(e.message ?? '');
  }
  return e.code === '23505' && (e.constraint ?? '').endsWith('_id_key');
}

/**
 * The slow path, taken only after a conflict or a duplicate-id violation: if the append is an
 * exact retry, its original result; if it reuses ids otherwise, DuplicateEventIdError; else the
 * original error.
 */
export async function resolveAfterFailure(
  error: unknown,
  stream: string,
  events: NewEvent[],
  lookup: (ids: string[]) => Promise<StoredIdRef[]> | StoredIdRef[],
): Promise<AppendResult> {
  if (!(error instanceof WrongExpectedRevisionError) && !isDuplicateIdViolation(error)) throw error;
  const retry = resolveRetry(stream, events, await lookup(events.map((event) => event.id)));
  if (retry) return retry;
  throw error;
}
