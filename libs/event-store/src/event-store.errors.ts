import { ExpectedRevision } from './event-store.port';

/** A conflicting append: the stream is not at the expected revision. Nothing was written. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | null,
  ) {
    super(
      `stream "${stream}": expected revision ${String(expected)}, actual ${actual === null ? 'no-stream' : actual}`,
    );
  }
}

/**
 * An append reuses event ids that are already stored but is not an exact retry of an earlier
 * append (different stream, different order, or mixed with new events). Nothing was written.
 */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(
    readonly stream: string,
    readonly eventId: string,
    detail: string,
  ) {
    super(`stream "${stream}": event id ${eventId} ${detail}`);
  }
}

/** The append is malformed (empty batch, bad id, bad stream name...). Nothing was written. */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
}

/** A restore the store refuses (positions not after the head, or an event not continuing its stream). Nothing was written. */
export class RestoreRejectedError extends Error {
  override readonly name = 'RestoreRejectedError';
}
