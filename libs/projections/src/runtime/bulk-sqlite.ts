import type { Database, Statement } from 'better-sqlite3';
import { EntityManager } from 'typeorm';

/** Statements prepared once per connection and SQL text (the bulk writers reuse a few shapes). */
const statements = new WeakMap<Database, Map<string, Statement>>();

/**
 * The better-sqlite3 connection under a SQLite read-model DataSource (null on PostgreSQL). It is
 * the one connection TypeORM's query runner uses, so statements run on it take part in the
 * transaction the caller opened through TypeORM.
 */
export function sqliteConnectionOf(manager: EntityManager): Database | null {
  if (manager.connection.driver.options.type !== 'better-sqlite3') return null;
  return (manager.connection.driver as unknown as { databaseConnection: Database }).databaseConnection;
}

/** A statement for `sql` on `db`, prepared on first use. */
export function preparedOn(db: Database, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}
