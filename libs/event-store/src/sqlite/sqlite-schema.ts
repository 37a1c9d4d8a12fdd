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

export interface SqliteEventRow {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  occurred_at: string;
  recorded_at: string;
  schema_version: number;
  data: string;
  metadata: string;
  previous_hash: string | null;
  hash: string;
}
