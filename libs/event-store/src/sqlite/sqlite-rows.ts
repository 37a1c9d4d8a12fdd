import { RecordedEvent, SerializedRecordedEvent } from '../event-envelope';

/** The columns read back, in the order of SqliteEventRow. */
export const SQLITE_COLUMNS =
  'position, id, stream, revision, type, occurred_at, recorded_at, schema_version, data, metadata, previous_hash, hash';

/** A row as read in raw (array) mode, in the column order of SQLITE_COLUMNS: cheaper than objects. */
export type SqliteEventRow = [
  position: number,
  id: string,
  stream: string,
  revision: number,
  type: string,
  occurredAt: string,
  recordedAt: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  previousHash: string | null,
  hash: string,
];

export function toRecorded(row: SqliteEventRow): RecordedEvent {
  const [position, id, stream, revision, type, occurredAt, recordedAt, schemaVersion, data, metadata, previousHash, hash] = row;
  return {
    id,
    stream,
    revision,
    position,
    type,
    occurredAt,
    recordedAt,
    schemaVersion,
    data: JSON.parse(data),
    metadata: JSON.parse(metadata),
    previousHash,
    hash,
  };
}

/** The row with data and metadata as stored: the canonical JSON text the hash was computed over. */
export function toSerialized(row: SqliteEventRow): SerializedRecordedEvent {
  const [position, id, stream, revision, type, occurredAt, recordedAt, schemaVersion, dataJson, metadataJson, previousHash, hash] = row;
  return { id, stream, revision, position, type, occurredAt, recordedAt, schemaVersion, dataJson, metadataJson, previousHash, hash };
}
