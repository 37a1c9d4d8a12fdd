import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { preparedOn, sqliteConnectionOf } from './bulk-sqlite';

/** Keys per `IN (...)`. */
const CHUNK = 500;

/**
 * The rows whose `column` is one of `keys`, read with plain SQL (`SELECT ... WHERE c IN (...)`)
 * and hydrated column by column with the driver's `prepareHydratedValue` (transformers, boolean
 * decoding), as `find` would, without TypeORM's query builder and entity transformer, which cost
 * more than the query itself when a projector batch preloads thousands of rows (SQLite: on the
 * better-sqlite3 connection, statements prepared once per shape). Plain objects, in no particular order.
 */
export async function findByKeys<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, column: keyof Row & string, keys: readonly string[]): Promise<Row[]> {
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const sqlite = sqliteConnectionOf(manager);
  const key = metadata.findColumnWithPropertyName(column);
  if (!key) throw new Error(`${metadata.name} has no column ${column}`);
  const table = metadata.tablePath.split('.').map((part) => driver.escape(part)).join('.');
  const select = metadata.columns.map((c) => driver.escape(c.databaseName)).join(', ');
  const out: Row[] = [];
  for (let start = 0; start < keys.length; start += CHUNK) {
    const chunk = keys.slice(start, start + CHUNK);
    const placeholders = chunk.map((_, i) => (sqlite ? '?' : `$${i + 1}`)).join(', ');
    const sql = `SELECT ${select} FROM ${table} WHERE ${driver.escape(key.databaseName)} IN (${placeholders})`;
    const raw = (sqlite ? preparedOn(sqlite, sql).all(chunk) : await manager.query(sql, [...chunk])) as Record<string, unknown>[];
    for (const record of raw) {
      const row: Record<string, unknown> = {};
      for (const c of metadata.columns) row[c.propertyName] = driver.prepareHydratedValue(record[c.databaseName], c);
      out.push(row as Row);
    }
  }
  return out;
}
