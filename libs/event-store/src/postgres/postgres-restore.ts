import { Pool } from 'pg';
import { canonicalJson } from '../canonical-json';
import { RecordedEvent } from '../event-envelope';
import { checkRestoreBatch, StoredHead, streamsOf } from '../restore-checks';
import { AppendTarget } from './postgres-append';

/**
 * PostgresEventStore.restore: inserts recorded events as given, in one transaction under the
 * append lock (so no append interleaves). The identity column is overridden with the recorded
 * positions (OVERRIDING SYSTEM VALUE) and its sequence moved past the largest one, so later
 * appends continue after the restored head.
 */
export async function restoreInTransaction(pool: Pool, target: AppendTarget, events: RecordedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const client = await pool.connect();
  let committed = false;
  try {
    await client.query(`BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(${target.lockKey})`);
    const { rows: headRows } = await client.query<{ position: string | null }>(`SELECT MAX(position) AS position FROM ${target.table}`);
    const { rows: streamRows } = await client.query<{ stream: string; revision: string; hash: string }>(
      `SELECT DISTINCT ON (stream) stream, revision, hash FROM ${target.table} WHERE stream = ANY($1::text[]) ORDER BY stream, revision DESC`,
      [streamsOf(events)],
    );
    const heads = new Map<string, StoredHead | null>(streamRows.map((r) => [r.stream, { revision: Number(r.revision), hash: r.hash }]));
    checkRestoreBatch(events, headRows[0].position === null ? -1 : Number(headRows[0].position), heads);
    await client.query(
      `INSERT INTO ${target.table} (position, id, stream, revision, type, occurred_at, recorded_at, schema_version, data, metadata, previous_hash, hash)
       OVERRIDING SYSTEM VALUE
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::timestamptz[], $7::timestamptz[],
                            $8::int[], $9::jsonb[], $10::jsonb[], $11::text[], $12::text[])`,
      [
        events.map((e) => e.position),
        events.map((e) => e.id),
        events.map((e) => e.stream),
        events.map((e) => e.revision),
        events.map((e) => e.type),
        events.map((e) => e.occurredAt),
        events.map((e) => e.recordedAt),
        events.map((e) => e.schemaVersion),
        events.map((e) => canonicalJson(e.data)),
        events.map((e) => canonicalJson(e.metadata)),
        events.map((e) => e.previousHash),
        events.map((e) => e.hash),
      ],
    );
    const last = events[events.length - 1].position;
    await client.query(`SELECT setval(pg_get_serial_sequence('${target.table}', 'position'), $1)`, [last]);
    await client.query(`SELECT pg_notify('${target.channel}', 'restore'); COMMIT`);
    committed = true;
  } finally {
    if (!committed) await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}
