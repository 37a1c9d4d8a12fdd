import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@app/event-store';
import { InboxEntry } from '../read-model/entities';
import { ReadModelInbox } from './projection-inbox';
import { lockReadModels, READ_MODELS_LOCK } from './projection-lock';

/** The events of a delivered batch to apply (first delivery of each id not in the inbox) and their inbox recording. */
export interface InboxClaim {
  /** Ids to apply: not in the inbox before this transaction (each once, whatever the batch repeats). */
  fresh: Set<string>;
  /** Records the applied events' ids, if the claim did not already (call after projecting them). */
  record(events: readonly RecordedEvent[]): Promise<void>;
}

/**
 * Starts a Kafka-fed read-model transaction's work: the read-model lock (lockReadModels), then
 * the inbox: which of the batch's event ids were never applied. On PostgreSQL both are ONE
 * statement: `INSERT ... ON CONFLICT DO NOTHING RETURNING` of the ids, joined with a materialized
 * CTE taking the lock, so no row is inserted before the lock is granted (and every later statement
 * of the transaction sees everything committed before it); the rows inserted are the fresh ids,
 * already recorded, and roll back with the transaction like the projection. (The conflict check
 * does not depend on the statement's snapshot: it waits for, then sees, any other transaction's
 * row of the same id.) Elsewhere (SQLite, a single writer): the lock (a no-op), a SELECT of the
 * ids, and the rows recorded after the projection.
 */
export async function claimInbox(manager: EntityManager, events: readonly RecordedEvent[]): Promise<InboxClaim> {
  const first = new Map<string, RecordedEvent>();
  for (const event of events) if (!first.has(event.id)) first.set(event.id, event);
  if (manager.connection.options.type === 'postgres') return { fresh: await claimOnPostgres(manager, [...first.values()]), record: async () => undefined };
  await lockReadModels(manager);
  const inbox = new ReadModelInbox(manager);
  const seen = await inbox.seenAmong([...first.keys()]);
  return { fresh: new Set([...first.keys()].filter((id) => !seen.has(id))), record: (applied) => inbox.recordAll(applied) };
}

async function claimOnPostgres(manager: EntityManager, events: readonly RecordedEvent[]): Promise<Set<string>> {
  if (events.length === 0) {
    await lockReadModels(manager);
    return new Set();
  }
  const metadata = manager.connection.getMetadata(InboxEntry);
  const escape = (name: string): string => manager.connection.driver.escape(name);
  const table = metadata.tablePath.split('.').map(escape).join('.');
  const [id, position] = ['eventId', 'position'].map((property) => escape(metadata.findColumnWithPropertyName(property)?.databaseName ?? property));
  const rows = (await manager.query(
    `WITH read_models_lock AS MATERIALIZED (SELECT ${READ_MODELS_LOCK})
     INSERT INTO ${table} (${id}, ${position})
     SELECT v.id, v.position FROM unnest($1::text[], $2::bigint[]) AS v(id, position) CROSS JOIN read_models_lock
     ON CONFLICT (${id}) DO NOTHING RETURNING ${id} AS "eventId"`,
    [events.map((e) => e.id), events.map((e) => String(e.position))],
  )) as Array<{ eventId: string }>;
  return new Set(rows.map((r) => r.eventId));
}
