import * as crypto from 'node:crypto';
import { canonicalJson, jsonString } from './canonical-json';
import { RecordedEvent, SerializedRecordedEvent } from './event-envelope';

/** The part of a recorded event that its hash covers: everything but its global position. */
export type HashedContent = Omit<RecordedEvent, 'position' | 'hash'>;

/** sha256 (hex) over the canonical JSON of the event's content, including previousHash. */
export function hashEvent(content: HashedContent): string {
  return hashSerialized(content, canonicalJson(content.data), canonicalJson(content.metadata));
}

/**
 * The same hash, given data and metadata already in canonical JSON (the append path serialises
 * them once, for the hash and for storage). The text hashed is exactly canonicalJson of
 * { data, id, metadata, occurredAt, previousHash, recordedAt, revision, schemaVersion, stream, type }.
 */
export function hashSerialized(content: Omit<HashedContent, 'data' | 'metadata'>, dataJson: string, metadataJson: string): string {
  const previousHash = content.previousHash === null ? 'null' : jsonString(content.previousHash);
  const text =
    `{"data":${dataJson},"id":${jsonString(content.id)},"metadata":${metadataJson}` +
    `,"occurredAt":${jsonString(content.occurredAt)},"previousHash":${previousHash}` +
    `,"recordedAt":${jsonString(content.recordedAt)},"revision":${canonicalJson(content.revision)}` +
    `,"schemaVersion":${canonicalJson(content.schemaVersion)},"stream":${jsonString(content.stream)}` +
    `,"type":${jsonString(content.type)}}`;
  return sha256Hex(text);
}

/** One-shot crypto.hash where Node has it (>= 20.12: no Hash object per event), else createHash. */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** The hash of an event read with its stored canonical text (no parse, no re-serialisation). */
export const hashStoredEvent = (e: SerializedRecordedEvent): string => hashSerialized(e, e.dataJson, e.metadataJson);

export type ChainFaultKind = 'hash-mismatch' | 'broken-link' | 'revision-gap';

export interface ChainFault {
  kind: ChainFaultKind;
  stream: string;
  revision: number;
  position: number;
  eventId: string;
  detail: string;
}

/**
 * Checks events against the chain, one at a time, in any interleaving of streams as long as each
 * stream's events come in revision order (readAll order or readStream order). Memory: one entry
 * per stream seen (its last revision and hash).
 */
/** What the chain check reads of an event besides its hash input. */
export type ChainLink = Pick<RecordedEvent, 'id' | 'stream' | 'revision' | 'position' | 'previousHash' | 'hash'>;

export class ChainVerifier<E extends ChainLink = RecordedEvent> {
  private readonly heads = new Map<string, { revision: number; hash: string }>();
  private checkedCount = 0;

  /** `hash` must compute exactly hashEvent (a faster equivalent may be given, e.g. by a bulk verifier). */
  constructor(private readonly hash: (content: E) => string = hashEvent as unknown as (content: E) => string) {}

  /** Distinct streams seen so far. */
  get streams(): number {
    return this.heads.size;
  }

  get checked(): number {
    return this.checkedCount;
  }

  /** Returns the fault this event shows, or null when it links correctly. */
  check(event: E): ChainFault | null {
    this.checkedCount += 1;
    const head = this.heads.get(event.stream);
    const fault = (kind: ChainFaultKind, detail: string): ChainFault => ({
      kind,
      stream: event.stream,
      revision: event.revision,
      position: event.position,
      eventId: event.id,
      detail,
    });
    this.heads.set(event.stream, { revision: event.revision, hash: event.hash });
    const expectedRevision = head ? head.revision + 1 : 0;
    if (event.revision !== expectedRevision) {
      return fault('revision-gap', `expected revision ${expectedRevision}, found ${event.revision}`);
    }
    const expectedPrevious = head ? head.hash : null;
    if (event.previousHash !== expectedPrevious) {
      return fault('broken-link', `previousHash does not match the hash of revision ${expectedRevision - 1}`);
    }
    const recomputed = this.hash(event);
    if (recomputed !== event.hash) {
      return fault('hash-mismatch', `stored hash ${event.hash} but content hashes to ${recomputed}`);
    }
    return null;
  }
}

/** Verifies a sequence of events; resolves with the first fault, or null when all link. */
export async function verifyChain(
  events: AsyncIterable<RecordedEvent>,
  onProgress?: (checked: number, event: RecordedEvent) => void,
): Promise<{ checked: number; firstFault: ChainFault | null }> {
  const verifier = new ChainVerifier();
  for await (const event of events) {
    const fault = verifier.check(event);
    onProgress?.(verifier.checked, event);
    if (fault) return { checked: verifier.checked, firstFault: fault };
  }
  return { checked: verifier.checked, firstFault: null };
}
