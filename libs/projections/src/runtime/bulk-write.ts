import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { writesValuesUnchanged } from '../read-model/columns';
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
  const sqlite = sqliteConnectionOf(manager);
  const shape = shapeOf(manager, entity, mode, sqlite !== null);
  const { columns, prepare } = shape;
  const width = columns.length;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, rows.length);
    const parameters = new Array<unknown>((end - start) * width);
    let p = 0;
    for (let r = start; r < end; r++) {
      const row = rows[r];
      for (let c = 0; c < width; c++) parameters[p++] = prepare[c](row[columns[c].propertyName]);
    }
    const sql = statementText(shape, end - start);
    if (sqlite) preparedOn(sqlite, sql).run(parameters);
    else await manager.query(sql, parameters);
  }
}

/** What a bulk write of one entity in one mode needs, derived once from its metadata. */
interface BulkShape {
  columns: ColumnMetadata[];
  /** Per column: the value to bind for a property value. */
  prepare: ((value: unknown) => unknown)[];
  head: string;
  tail: string;
  sqlite: boolean;
  /** Statement text by number of rows (the same string each time: cheap to hash as a statement-cache key). */
  texts: Map<number, string>;
}

const shapes = new WeakMap<EntityMetadata, Map<string, BulkShape>>();

function shapeOf<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, mode: BulkWriteMode, sqlite: boolean): BulkShape {
  const metadata = manager.connection.getMetadata(entity);
  let byMode = shapes.get(metadata);
  if (!byMode) shapes.set(metadata, (byMode = new Map()));
  const key = `${mode}\u0000${sqlite}`;
  let shape = byMode.get(key);
  if (!shape) {
    const driver = manager.connection.driver;
    const columns = metadata.columns;
    const escape = (name: string) => driver.escape(name);
    const table = metadata.tablePath.split('.').map(escape).join('.');
    shape = {
      columns,
      prepare: columns.map((column) => preparerOf(manager, column, sqlite)),
      head: `${sqlite && mode === 'ignore' ? 'INSERT OR IGNORE' : 'INSERT'} INTO ${table} (${columns.map((c) => escape(c.databaseName)).join(', ')}) VALUES `,
      tail: conflictClause(mode, columns, escape, sqlite),
      sqlite,
      texts: new Map(),
    };
    byMode.set(key, shape);
  }
  return shape;
}

/** SQLite columns of plain types whose transformer (if any) writes values unchanged bind the value itself; others go through the driver. */
const PLAIN_SQLITE_TYPES = new Set<unknown>(['text', 'integer', 'bigint', 'varchar']);

function preparerOf(manager: EntityManager, column: ColumnMetadata, sqlite: boolean): (value: unknown) => unknown {
  if (sqlite && PLAIN_SQLITE_TYPES.has(column.type) && writesValuesUnchanged(column.transformer)) return (value) => (value === undefined ? null : value);
  const driver = manager.connection.driver;
  return (value) => {
    const v: unknown = driver.preparePersistentValue(value, column);
    return v === undefined ? null : v;
  };
}

function statementText(shape: BulkShape, rows: number): string {
  let text = shape.texts.get(rows);
  if (text === undefined) {
    const width = shape.columns.length;
    const tuples: string[] = [];
    for (let r = 0; r < rows; r++) {
      const marks: string[] = [];
      for (let c = 0; c < width; c++) marks.push(shape.sqlite ? '?' : `$${r * width + c + 1}`);
      tuples.push(`(${marks.join(', ')})`);
    }
    text = `${shape.head}${tuples.join(', ')}${shape.tail}`;
    shape.texts.set(rows, text);
  }
  return text;
}

function conflictClause(mode: BulkWriteMode, columns: ColumnMetadata[], escape: (name: string) => string, sqlite: boolean): string {
  if (mode === 'insert' || (mode === 'ignore' && sqlite)) return '';
  if (mode === 'ignore') return ' ON CONFLICT DO NOTHING';
  const keys = columns.filter((c) => c.isPrimary).map((c) => escape(c.databaseName));
  const updates = columns.filter((c) => !c.isPrimary).map((c) => `${escape(c.databaseName)} = excluded.${escape(c.databaseName)}`);
  return ` ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
}
