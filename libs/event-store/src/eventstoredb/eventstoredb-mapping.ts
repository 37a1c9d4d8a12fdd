import { JsonObject, RecordedEvent, EventMetadata, JsonValue } from '../event-envelope';

/** Where the envelope fields that EventStoreDB has no slot for travel: a metadata member. */
export const ENVELOPE_KEY = '$envelope';

export interface StoredEnvelope {
  occurredAt: string;
  recordedAt: string;
  schemaVersion: number;
  previousHash: string | null;
  hash: string;
}

export function toEsdbMetadata(event: Omit<RecordedEvent, 'position'>): JsonObject {
  const envelope: StoredEnvelope = {
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    schemaVersion: event.schemaVersion,
    previousHash: event.previousHash,
    hash: event.hash,
  };
  return { ...(event.metadata as JsonObject), [ENVELOPE_KEY]: envelope as unknown as JsonValue };
}

export interface EsdbRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
  position?: { commit: bigint; prepare: bigint };
}

export function fromEsdb(record: EsdbRecord): RecordedEvent {
  const { [ENVELOPE_KEY]: rawEnvelope, ...metadata } = (record.metadata ?? {}) as Record<string, unknown>;
  const envelope = rawEnvelope as StoredEnvelope;
  return {
    id: record.id,
    stream: record.streamId,
    revision: Number(record.revision),
    position: record.position ? Number(record.position.commit) : -1,
    type: record.type,
    occurredAt: envelope.occurredAt,
    recordedAt: envelope.recordedAt,
    schemaVersion: envelope.schemaVersion,
    data: record.data as JsonObject,
    metadata: metadata as EventMetadata,
    previousHash: envelope.previousHash,
    hash: envelope.hash,
  };
}

/** Skips EventStoreDB's own streams and events ($-prefixed) and events written by other tools. */
export function isOurs(record: EsdbRecord): boolean {
  if (record.type.startsWith('$') || record.streamId.startsWith('$')) return false;
  const metadata = record.metadata as Record<string, unknown> | undefined;
  return metadata !== undefined && typeof metadata === 'object' && ENVELOPE_KEY in metadata;
}
