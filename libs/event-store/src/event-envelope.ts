/**
 * The event envelope: what every stored event carries, whatever the adapter.
 * Positions and revisions are plain numbers (safe up to 2^53, far beyond any store here).
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Who caused an event: the authenticated institution and the role it acted in. */
export interface Actor {
  institutionId: string;
  role: string;
}

export interface EventMetadata {
  /** Ties together every event caused by one user request. */
  correlationId: string;
  /** The id of the event or command that caused this one; null for a user command. */
  causationId: string | null;
  actor: Actor | null;
  /** Room for adapter-independent extras (idempotency key, request id, ...). */
  [extra: string]: JsonValue | Actor | null | undefined;
}

/** An event as the application proposes it, before the store has placed it. */
export interface NewEvent<D extends JsonObject = JsonObject> {
  /** Globally unique (UUID). Retrying an append with the same ids stores nothing twice. */
  id: string;
  type: string;
  /** When it happened at the source (ISO-8601). */
  occurredAt: string;
  schemaVersion: number;
  data: D;
  metadata: EventMetadata;
}

/** An event as stored: placed in its stream and in the global order, and hash-chained. */
export interface RecordedEvent<D extends JsonObject = JsonObject> extends NewEvent<D> {
  stream: string;
  /** 0-based revision within the stream. */
  revision: number;
  /** Position in the one global order; strictly increasing, may have gaps. */
  position: number;
  /** When the store recorded it (ISO-8601, store clock). */
  recordedAt: string;
  /** Hash of the previous event of the same stream; null for revision 0. */
  previousHash: string | null;
  /** sha256 over the canonical form of this event's content and previousHash. */
  hash: string;
}

/**
 * A recorded event with its data and metadata as the exact canonical JSON text its hash covers
 * (what an adapter that stores that text can hand out without parsing and re-serialising).
 */
export interface SerializedRecordedEvent extends Omit<RecordedEvent, 'data' | 'metadata'> {
  dataJson: string;
  metadataJson: string;
}
