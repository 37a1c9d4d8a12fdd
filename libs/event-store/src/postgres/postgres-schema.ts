/** DDL for the PostgreSQL events table in its own schema. */
export function postgresSchema(schema: string): string {
  const s = quoteIdent(schema);
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.events (
  position       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id             UUID        NOT NULL UNIQUE,
  stream         TEXT        NOT NULL,
  revision       BIGINT      NOT NULL,
  type           TEXT        NOT NULL,
  occurred_at    TIMESTAMPTZ NOT NULL,
  recorded_at    TIMESTAMPTZ NOT NULL,
  schema_version INTEGER     NOT NULL,
  data           JSONB       NOT NULL,
  metadata       JSONB       NOT NULL,
  previous_hash  TEXT,
  hash           TEXT        NOT NULL,
  UNIQUE (stream, revision)
);
CREATE INDEX IF NOT EXISTS events_type_idx ON ${s}.events (type, position);
`;
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid PostgreSQL schema name "${name}"`);
  return `"${name}"`;
}

/**
 * Key of the transaction-scoped advisory lock that serialises appends (per schema). Holding it
 * from position assignment to commit makes commit order equal position order, so a reader that
 * follows positions can never see position n+1 before n is visible (no skipped events).
 */
export function appendLockKey(schema: string): number {
  let h = 0x5eed;
  for (const ch of schema) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

export interface PgEventRow {
  position: string;
  id: string;
  stream: string;
  revision: string;
  type: string;
  occurred_at: Date;
  recorded_at: Date;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  previous_hash: string | null;
  hash: string;
}
