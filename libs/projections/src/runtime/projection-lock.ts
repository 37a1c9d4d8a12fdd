import { EntityManager } from 'typeorm';

/**
 * Serialises read-model transactions of every projector process on the same PostgreSQL schema
 * (a transaction-scoped advisory lock, keyed by the schema). Projecting an event re-derives rows
 * from other rows (progress re-evaluation reads learners, programs, policies, admissions); two
 * processes applying events of different partitions at once would each miss the other's
 * uncommitted change, and the last writer would leave a stale progress row. SQLite needs nothing:
 * it has one writer at a time.
 */
export async function lockReadModels(manager: EntityManager): Promise<void> {
  if (manager.connection.options.type !== 'postgres') return;
  await manager.query(`SELECT ${READ_MODELS_LOCK}`);
}

/** The PostgreSQL call taking the lock (for a statement that takes it together with its own work, see inbox-claim.ts). */
export const READ_MODELS_LOCK = `pg_advisory_xact_lock(hashtext('credit-transfer.read-models:' || current_schema()))`;
