import { ChainFault, ChainLink, ChainVerifier, EventStore, hashStoredEvent, RecordedEvent, SerializedRecordedEvent } from '@app/event-store';
import { fastHashEvent } from './fast-event-hash';
import { LogDigest } from './log-digest';
import { VerifyReport } from './verify-report';

export interface VerifyOptions {
  /** Also check the global digest: the log up to `position` (default: the head) must digest to `digest`. */
  expectDigest?: { digest: string; position: number | null };
  /** Called every `progressEvery` events and once at the end. */
  onProgress?: (progress: { checked: number; position: number; head: number }) => void;
  progressEvery?: number;
  /** Events per read round trip. Default 1000. */
  batchSize?: number;
}

/**
 * Verifies every stream's hash chain in one pass over `readAll` (global order), with memory
 * bounded by one head per stream (ChainVerifier), and computes the running global digest.
 * Reads up to the head as it is when the call starts; appends made meanwhile are left for the
 * next run. Carries on past a fault to count them; reports the first in global order.
 */
export async function verifyLog(store: EventStore, options: VerifyOptions = {}): Promise<VerifyReport> {
  const started = Date.now();
  const head = await store.headPosition();
  const every = options.progressEvery ?? 5000;
  const { verifier, results } = chainReader(store, head, options.batchSize ?? 1000);
  const digest = new LogDigest();
  const expectedAt = options.expectDigest ? (options.expectDigest.position ?? head) : null;
  let atExpected = expectedAt !== null && expectedAt < 0 ? digest.current() : null;
  let firstFault: ChainFault | null = null;
  let faults = 0;
  for await (const { event, fault } of results) {
    if (expectedAt !== null && atExpected === null && event.position > expectedAt) atExpected = digest.current();
    if (fault) {
      faults += 1;
      firstFault ??= fault;
    }
    digest.add(event.position, event.hash);
    if (verifier.checked % every === 0) options.onProgress?.({ checked: verifier.checked, position: event.position, head });
  }
  const final = digest.current();
  options.onProgress?.({ checked: verifier.checked, position: final.position, head });
  const report: VerifyReport = {
    ok: faults === 0,
    store: store.name,
    checked: verifier.checked,
    streams: verifier.streams,
    faults,
    firstFault,
    lastPosition: final.position,
    digest: final,
    startedAt: new Date(started).toISOString(),
    seconds: (Date.now() - started) / 1000,
  };
  if (options.expectDigest && expectedAt !== null) {
    const actual = atExpected ?? final;
    const matches = actual.digest === options.expectDigest.digest && actual.position === expectedAt;
    report.expectedDigest = { digest: options.expectDigest.digest, position: expectedAt, actual, matches };
    report.ok &&= matches;
  }
  return report;
}

/**
 * Every event in global order up to `head`, each with what the chain check found: hashed from the
 * stored canonical text when the adapter hands it out (SQLite: no parse, no re-serialisation),
 * else from parsed events re-serialised canonically (PostgreSQL's jsonb does not keep the text).
 */
function chainReader(store: EventStore, head: number, batchSize: number): { verifier: { checked: number; streams: number }; results: AsyncIterable<Checked> } {
  if (store.readAllSerialized) {
    const verifier = new ChainVerifier<SerializedRecordedEvent>(hashStoredEvent);
    return { verifier, results: checkEach(verifier, store.readAllSerialized({ upTo: head, batchSize })) };
  }
  const verifier = new ChainVerifier<RecordedEvent>(fastHashEvent);
  return { verifier, results: checkEach(verifier, store.readAll({ upTo: head, batchSize })) };
}

type Checked = { event: ChainLink; fault: ChainFault | null };

async function* checkEach<E extends ChainLink>(verifier: ChainVerifier<E>, events: AsyncIterable<E>): AsyncIterable<Checked> {
  for await (const event of events) yield { event, fault: verifier.check(event) };
}
