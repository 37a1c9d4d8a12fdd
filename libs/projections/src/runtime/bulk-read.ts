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
  const { sqlite, select, columnName, hydrate } = plainSelect(manager, entity);
  const key = columnName(column);
  const out: Row[] = [];
  for (let start = 0; start < keys.length; start += CHUNK) {
    const chunk = keys.slice(start, start + CHUNK);
    const placeholders = chunk.map((_, i) => (sqlite ? '?' : `$${i + 1}`)).join(', ');
    const sql = `${select} WHERE ${key} IN (${placeholders})`;
    const raw = (sqlite ? preparedOn(sqlite, sql).all(chunk) : await manager.query(sql, [...chunk])) as Record<string, unknown>[];
    for (const record of raw) out.push(hydrate(record));
  }
  return out;
}

/** Columns (by property) and the values they must equal. */
export type ColumnsEqual<Row> = Partial<Record<keyof Row & string, string | number>>;

/** The row whose columns equal `where` (property -> value; e.g. its primary key), like `findOneBy`, with the plain SQL of `findByKeys`. */
export async function findOneWhere<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, where: ColumnsEqual<Row>): Promise<Row | null> {
  const { sqlite, select, columnName, hydrate } = plainSelect(manager, entity);
  const entries = Object.entries(where) as [keyof Row & string, string | number][];
  const sql = `${select} WHERE ${entries.map(([property], i) => `${columnName(property)} = ${sqlite ? '?' : `$${i + 1}`}`).join(' AND ')} LIMIT 1`;
  const values = entries.map(([, value]) => value);
  const raw = (sqlite ? preparedOn(sqlite, sql).all(values) : await manager.query(sql, values)) as Record<string, unknown>[];
  return raw.length > 0 ? hydrate(raw[0]) : null;
}

function plainSelect<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>) {
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const table = metadata.tablePath.split('.').map((part) => driver.escape(part)).join('.');
  return {
    sqlite: sqliteConnectionOf(manager),
    select: `SELECT ${metadata.columns.map((c) => driver.escape(c.databaseName)).join(', ')} FROM ${table}`,
    columnName: (property: string): string => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`${metadata.name} has no column ${property}`);
      return driver.escape(column.databaseName);
    },
    hydrate: (record: Record<string, unknown>): Row => {
      const row: Record<string, unknown> = {};
      for (const c of metadata.columns) row[c.propertyName] = driver.prepareHydratedValue(record[c.databaseName], c);
      return row as Row;
    },
  };
}
