import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per statement: at most ~15 columns each, well under SQLite's (32,766) and PostgreSQL's (65,535) bound-parameter limits. */
const CHUNK = 200;

/**
 * Multi-row INSERT (or upsert on the primary key) written directly as SQL with the entity's
 * column metadata: the same values TypeORM would bind (its driver's `preparePersistentValue`, so
 * transformers and boolean encoding apply), without its query builder, whose cost grows with the
 * number of parameters and dominated a projector batch. Same SQL on SQLite and PostgreSQL
 * (`INSERT ... ON CONFLICT (pk) DO UPDATE SET c = excluded.c`); rows are written in the given order.
 */
export async function bulkWrite<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, rows: readonly Row[], mode: 'insert' | 'upsert'): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const postgres = driver.options.type === 'postgres';
  const columns = metadata.columns;
  const names = columns.map((c) => driver.escape(c.databaseName));
  const table = metadata.tablePath.split('.').map((part) => driver.escape(part)).join('.');
  const keys = metadata.primaryColumns.map((c) => driver.escape(c.databaseName));
  const updates = columns.filter((c) => !c.isPrimary).map((c) => `${driver.escape(c.databaseName)} = excluded.${driver.escape(c.databaseName)}`);
  const conflict = mode === 'upsert' ? ` ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates.join(', ')}` : '';
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const parameters: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = columns.map((column) => {
        const value: unknown = driver.preparePersistentValue(column.getEntityValue(row), column);
        parameters.push(value === undefined ? null : value);
        return postgres ? `$${parameters.length}` : '?';
      });
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(`INSERT INTO ${table} (${names.join(', ')}) VALUES ${tuples.join(', ')}${conflict}`, parameters);
  }
}
