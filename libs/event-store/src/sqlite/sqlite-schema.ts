/** The SQLite events table. AUTOINCREMENT: a position is never reused, even after a delete. */
export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY AUTOINCREMENT,
  id             TEXT    NOT NULL UNIQUE,
  stream         TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  occurred_at    TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  previous_hash  TEXT,
  hash           TEXT    NOT NULL,
  UNIQUE (stream, revision)
);
`;

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

export const SQLITE_COLUMNS =
  'position, id, stream, revision, type, occurred_at, recorded_at, schema_version, data, metadata, previous_hash, hash';
