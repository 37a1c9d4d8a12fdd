import { ChainVerifier, EventStore, RecordedEvent } from '@app/event-store';
import { fastHashEvent } from '../verify/fast-event-hash';
import { DigestAt, LogDigest } from '../verify/log-digest';
import { ImportRefusedError, parseExportLine } from './parse-export-line';

/** Opens the import file's lines afresh: the import reads it twice (check, then restore). */
export type LineSource = () => AsyncIterable<string>;

export interface ImportOptions {
  /** Events per restore call (each one transaction). Default 1000. */
  batchSize?: number;
  /**
   * Progress: while checking, the bytes of the file read so far (total: null); while restoring,
   * the events restored out of the events checked.
   */
  onProgress?: (phase: 'check' | 'restore', done: number, total: number | null) => void;
}

export interface ImportSummary {
  events: number;
  streams: number;
  /** The global digest of the imported log: equal to the source's `verify` digest for a full export. */
  digest: DigestAt;
}

/**
 * Imports an NDJSON export into an EMPTY store that can restore (SQLite, PostgreSQL). Two passes:
 * the first parses every line and verifies positions (strictly increasing) and every stream's
 * hash chain (ChainVerifier), so a tampered, reordered or partial file is refused with its line
 * number before anything is written; the second checks again while restoring in batches (a file
 * changed between the passes is refused at the line, with the batches before it restored).
 */
export async function importEvents(store: EventStore, lines: LineSource, options: ImportOptions = {}): Promise<ImportSummary> {
  if (!store.restore) {
    throw new ImportRefusedError(0, `the ${store.name} event store cannot restore recorded events (positions are its own)`);
  }
  const head = await store.headPosition();
  if (head !== -1) throw new ImportRefusedError(0, `the target store is not empty (head position ${head}); import only into an empty store`);
  const checked = await checkedEvents(lines, (_event, count, bytes) => void (count % 1000 === 0 && options.onProgress?.('check', bytes, null)));
  const restore = store.restore.bind(store);
  const batchSize = options.batchSize ?? 1000;
  let batch: RecordedEvent[] = [];
  let restored = 0;
  const flush = async () => {
    await restore(batch);
    restored += batch.length;
    batch = [];
    options.onProgress?.('restore', restored, checked.events);
  };
  await checkedEvents(lines, async (event) => {
    batch.push(event);
    if (batch.length >= batchSize) await flush();
  });
  if (batch.length > 0) await flush();
  return checked;
}

/** Reads, parses and verifies every line, handing each event on; returns the counts and digest. */
async function checkedEvents(lines: LineSource, each: (event: RecordedEvent, count: number, bytes: number) => void | Promise<void>): Promise<ImportSummary> {
  const verifier = new ChainVerifier<RecordedEvent>(fastHashEvent);
  const digest = new LogDigest();
  let lineNumber = 0;
  let lastPosition = -1;
  let bytes = 0;
  for await (const text of lines()) {
    lineNumber += 1;
    bytes += Buffer.byteLength(text) + 1;
    if (text.trim() === '') continue;
    const event = parseExportLine(text, lineNumber);
    if (event.position <= lastPosition) {
      throw new ImportRefusedError(lineNumber, `position ${event.position} does not follow position ${lastPosition}: the file is out of order`);
    }
    lastPosition = event.position;
    const fault = verifier.check(event);
    if (fault) throw new ImportRefusedError(lineNumber, `${fault.kind} in stream "${fault.stream}" at revision ${fault.revision}: ${fault.detail}`);
    digest.add(event.position, event.hash);
    await each(event, verifier.checked, bytes);
  }
  return { events: verifier.checked, streams: verifier.streams, digest: digest.current() };
}
