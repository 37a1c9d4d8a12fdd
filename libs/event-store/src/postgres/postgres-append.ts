import { PoolClient, QueryResult } from 'pg';
import { NewEvent } from '../event-envelope';
import { AppendResult, ExpectedRevision } from '../event-store.port';
import { chainEvents, checkExpectedRevision } from '../prepare-append';

export interface AppendTarget {
  /** Quoted, schema-qualified table name. */
  table: string;
  lockKey: number;
  channel: string;
}

/**
 * One append in three round trips: (1) BEGIN, take the append lock, read the stream head;
 * (2) insert the chained events; (3) notify listeners and COMMIT. The stream name is inlined
 * in (1) and (3), which is safe only because validateAppend has restricted it to
 * [A-Za-z0-9_.:@-]; everything else travels as parameters.
 */
export async function appendInTransaction(
  client: PoolClient,
  target: AppendTarget,
  stream: string,
  events: NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const literal = `'${stream}'`;
  let committed = false;
  try {
    // READ COMMITTED whatever the server default: the head must be read after the lock is held.
    // recordedAt is the database's clock, read under the lock, so it never decreases along positions
    // written by several processes (whose own clocks may disagree).
    const opening = (await client.query(
      `BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '30s';
       SELECT pg_advisory_xact_lock(${target.lockKey});
       SELECT revision, hash, clock_timestamp() AS now FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (SELECT revision, hash FROM ${target.table} WHERE stream = ${literal} ORDER BY revision DESC LIMIT 1) AS h ON true`,
    )) as unknown as QueryResult<{ revision: string | null; hash: string | null; now: Date }>[];
    const headRow = opening[opening.length - 1].rows[0];
    const head = headRow.revision !== null && headRow.hash !== null ? { revision: Number(headRow.revision), hash: headRow.hash } : null;
    checkExpectedRevision(stream, expected, head ? head.revision : null);
    const chained = chainEvents(stream, events, head, headRow.now.toISOString());
    const rows = chained.map((c) => c.event);
    const inserted = await client.query<{ revision: string; position: string }>(
      `INSERT INTO ${target.table} (id, stream, revision, type, occurred_at, recorded_at, schema_version, data, metadata, previous_hash, hash)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::timestamptz[], $6::timestamptz[],
                            $7::int[], $8::jsonb[], $9::jsonb[], $10::text[], $11::text[])
       RETURNING revision, position`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.stream),
        rows.map((r) => r.revision),
        rows.map((r) => r.type),
        rows.map((r) => r.occurredAt),
        rows.map((r) => r.recordedAt),
        rows.map((r) => r.schemaVersion),
        chained.map((c) => c.dataJson),
        chained.map((c) => c.metadataJson),
        rows.map((r) => r.previousHash),
        rows.map((r) => r.hash),
      ],
    );
    await client.query(`SELECT pg_notify('${target.channel}', ${literal}); COMMIT`);
    committed = true;
    const positionByRevision = new Map(inserted.rows.map((row) => [Number(row.revision), Number(row.position)]));
    return {
      stream,
      nextExpectedRevision: rows[rows.length - 1].revision,
      positions: rows.map((row) => positionByRevision.get(row.revision) as number),
      alreadyStored: false,
    };
  } finally {
    if (!committed) await client.query('ROLLBACK').catch(() => undefined);
  }
}
