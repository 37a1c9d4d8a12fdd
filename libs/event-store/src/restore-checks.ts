import { RecordedEvent } from './event-envelope';
import { RestoreRejectedError } from './event-store.errors';

export interface StoredHead {
  revision: number;
  hash: string;
}

/** The distinct streams of a restore batch, in first-seen order. */
export function streamsOf(events: RecordedEvent[]): string[] {
  return [...new Set(events.map((event) => event.stream))];
}

/**
 * Adapter-independent checks of a restore batch, run inside the adapter's write transaction:
 * positions are safe integers, strictly increasing and after the store's head; each event
 * continues its stream (the stored head, then the batch's own earlier events) by revision and
 * previousHash. Throws RestoreRejectedError naming the first offending event.
 */
export function checkRestoreBatch(events: RecordedEvent[], headPosition: number, storedHeads: Map<string, StoredHead | null>): void {
  const heads = new Map(storedHeads);
  let last = headPosition;
  for (const event of events) {
    const at = `event ${event.id} (stream "${event.stream}", revision ${event.revision}, position ${event.position})`;
    if (!Number.isSafeInteger(event.position) || event.position < 0) throw new RestoreRejectedError(`${at}: position must be a non-negative integer`);
    if (event.position <= last) {
      throw new RestoreRejectedError(`${at}: positions must increase and follow the store's head (${last})`);
    }
    last = event.position;
    const head = heads.get(event.stream) ?? null;
    const expectedRevision = head ? head.revision + 1 : 0;
    if (event.revision !== expectedRevision) throw new RestoreRejectedError(`${at}: expected revision ${expectedRevision}`);
    if (event.previousHash !== (head ? head.hash : null)) {
      throw new RestoreRejectedError(`${at}: previousHash does not link to the stream's revision ${expectedRevision - 1}`);
    }
    heads.set(event.stream, { revision: event.revision, hash: event.hash });
  }
}
