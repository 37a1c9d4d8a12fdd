import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
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
  const { select, columnName, hydrate } = plainSelect(manager, entity);
  const sqlite = sqliteConnectionOf(manager);
  const key = columnName(column);
  const out: Row[] = [];
  for (let start = 0; start < keys.length; start += CHUNK) {
    const chunk = keys.slice(start, start + CHUNK);
    const placeholders = chunk.map((_, i) => (sqlite ? '?' : `$${i + 1}`)).join(', ');
    const sql = `${select} WHERE ${key} IN (${placeholders})`;
    const raw = (sqlite ? preparedOn(sqlite, sql).all(chunk) : await manager.query(sql, [...chunk])) as Record<string, unknown>[];
    for (const record of raw) out.push(hydrate(record) as Row);
  }
  return out;
}

/** Columns (by property) and the values they must equal. */
export type ColumnsEqual<Row> = Partial<Record<keyof Row & string, string | number>>;

/** The row whose columns equal `where` (property -> value; e.g. its primary key), like `findOneBy`, with the plain SQL of `findByKeys`. */
export function findOneWhere<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, where: ColumnsEqual<Row>): Promise<Row | null> {
  return selectOneWhere(manager, entity, where) as Promise<Row | null>;
}

/** `findOneWhere` reading only `columns` (e.g. leaving a large JSON column in the database when the caller needs none of it). */
export function findColumnsWhere<Row extends ObjectLiteral, Column extends keyof Row & string>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  where: ColumnsEqual<Row>,
  columns: readonly Column[],
): Promise<Pick<Row, Column> | null> {
  return selectOneWhere(manager, entity, where, columns) as Promise<Pick<Row, Column> | null>;
}

async function selectOneWhere<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, where: ColumnsEqual<Row>, columns?: readonly string[]): Promise<ObjectLiteral | null> {
  const shape = plainSelect(manager, entity, columns);
  const sqlite = sqliteConnectionOf(manager);
  const entries = Object.entries(where) as [keyof Row & string, string | number][];
  const values = entries.map(([, value]) => value);
  const sql = shape.whereText(entries.map(([property]) => property));
  const raw = (sqlite ? preparedOn(sqlite, sql).all(values) : await manager.query(sql, values)) as Record<string, unknown>[];
  return raw.length > 0 ? shape.hydrate(raw[0]) : null;
}

/** A SELECT of some columns of one entity, derived once from its metadata. */
interface PlainSelect<Row> {
  select: string;
  columnName(property: string): string;
  /** `SELECT ... WHERE a = ? AND b = ? LIMIT 1` for these properties (texts kept: the same string each time). */
  whereText(properties: readonly string[]): string;
  hydrate(record: Record<string, unknown>): Row;
}

const selects = new WeakMap<EntityMetadata, Map<string, PlainSelect<ObjectLiteral>>>();

/**
 * SQLite values of plain column types with no transformer are the row's values as they are (what
 * the driver's `prepareHydratedValue` returns for them, without its checks); others go through it.
 */
const PLAIN_SQLITE_TYPES = new Set<unknown>(['text', 'integer', 'varchar']);

function plainSelect<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, properties?: readonly string[]): PlainSelect<Row> {
  const metadata = manager.connection.getMetadata(entity);
  let byColumns = selects.get(metadata);
  if (!byColumns) selects.set(metadata, (byColumns = new Map()));
  const key = properties ? properties.join('\u0000') : '*';
  let shape = byColumns.get(key);
  if (!shape) {
    shape = newPlainSelect(manager, metadata, properties);
    byColumns.set(key, shape);
  }
  return shape as PlainSelect<Row>;
}

function newPlainSelect(manager: EntityManager, metadata: EntityMetadata, properties?: readonly string[]): PlainSelect<ObjectLiteral> {
  const driver = manager.connection.driver;
  const columnOf = (property: string): ColumnMetadata => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    return column;
  };
  const columns = properties ? properties.map(columnOf) : metadata.columns;
  const table = metadata.tablePath.split('.').map((part) => driver.escape(part)).join('.');
  const select = `SELECT ${columns.map((c) => driver.escape(c.databaseName)).join(', ')} FROM ${table}`;
  // The metadata belongs to one DataSource, hence to one driver: SQLite or not is fixed for the shape.
  const sqlite = driver.options.type === 'better-sqlite3';
  const readers = columns.map((c) => (sqlite && PLAIN_SQLITE_TYPES.has(c.type) && c.transformer === undefined ? null : (value: unknown) => driver.prepareHydratedValue(value, c) as unknown));
  const texts = new Map<string, string>();
  return {
    select,
    columnName: (property) => driver.escape(columnOf(property).databaseName),
    whereText(names) {
      const textKey = names.join('\u0000');
      let text = texts.get(textKey);
      if (text === undefined) {
        text = `${select} WHERE ${names.map((name, i) => `${driver.escape(columnOf(name).databaseName)} = ${sqlite ? '?' : `$${i + 1}`}`).join(' AND ')} LIMIT 1`;
        texts.set(textKey, text);
      }
      return text;
    },
    hydrate(record) {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) {
        const value = record[columns[i].databaseName];
        const read = readers[i];
        row[columns[i].propertyName] = read === null ? value : read(value);
      }
      return row;
    },
  };
}
