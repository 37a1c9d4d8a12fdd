import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { preparedOn, sqliteConnectionOf } from './bulk-sqlite';

/** Rows per statement: at most ~15 columns each, well under SQLite's (32,766) and PostgreSQL's (65,535) bound-parameter limits. */
const CHUNK = 200;

/** insert: every row is new; upsert: replace the row with the same primary key; ignore: keep the row already there. */
export type BulkWriteMode = 'insert' | 'upsert' | 'ignore';

/**
 * Multi-row INSERT (or upsert on the primary key, or insert-or-ignore) written directly as SQL with
 * the entity's column metadata: the same values TypeORM would bind (its driver's
 * `preparePersistentValue`, so transformers and boolean encoding apply), without its query
 * builder, whose cost grows with the number of parameters and dominated a projector batch.
 * PostgreSQL: through the EntityManager. SQLite: on the better-sqlite3 connection itself (the same
 * connection, so the same transaction), with statements prepared once per chunk shape. Rows are
 * written in the given order.
 */
export async function bulkWrite<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, rows: readonly Row[], mode: BulkWriteMode): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const sqlite = sqliteConnectionOf(manager);
  const columns = metadata.columns;
  const table = metadata.tablePath.split('.').map((part) => driver.escape(part)).join('.');
  const head = `${sqlite && mode === 'ignore' ? 'INSERT OR IGNORE' : 'INSERT'} INTO ${table} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const tail = conflictClause(mode, columns, (name) => driver.escape(name), !!sqlite);
  const value = (row: Row, column: ColumnMetadata): unknown => {
    const v: unknown = driver.preparePersistentValue(row[column.propertyName], column);
    return v === undefined ? null : v;
  };
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const parameters: unknown[] = [];
    for (const row of chunk) for (const column of columns) parameters.push(value(row, column));
    if (sqlite) {
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      preparedOn(sqlite, `${head}${Array.from(chunk, () => tuple).join(', ')}${tail}`).run(parameters);
    } else {
      let n = 0;
      const tuples = chunk.map(() => `(${columns.map(() => `$${++n}`).join(', ')})`);
      await manager.query(`${head}${tuples.join(', ')}${tail}`, parameters);
    }
  }
}

function conflictClause(mode: BulkWriteMode, columns: ColumnMetadata[], escape: (name: string) => string, sqlite: boolean): string {
  if (mode === 'insert' || (mode === 'ignore' && sqlite)) return '';
  if (mode === 'ignore') return ' ON CONFLICT DO NOTHING';
  const keys = columns.filter((c) => c.isPrimary).map((c) => escape(c.databaseName));
  const updates = columns.filter((c) => !c.isPrimary).map((c) => `${escape(c.databaseName)} = excluded.${escape(c.databaseName)}`);
  return ` ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
}
