import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnsEqual, findByKeys, findOneWhere } from './bulk-read';
import { bulkWrite } from './bulk-write';

/**
 * The rows of one table that a batch of events reads and changes: loaded once (by primary key)
 * inside the batch's transaction, changed in memory, written back once at the end of the batch.
 * A batch touches a learner's row once however many of the learner's events it holds.
 */
export class RowCache<Row extends ObjectLiteral> {
  private readonly rows = new Map<string, Row | null>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly entity: EntityTarget<Row>,
    private readonly keyOf: (row: Row) => string,
  ) {}

  async get(manager: EntityManager, key: string, where: ColumnsEqual<Row>): Promise<Row | null> {
    if (this.rows.has(key)) return this.rows.get(key) ?? null;
    const row = await findOneWhere(manager, this.entity, where);
    this.rows.set(key, row);
    return row;
  }

  /**
   * Loads the rows of many keys at once (`IN` queries of many keys instead of one query per key),
   * for a table whose primary key is the single column `column` and whose cache key is its value.
   * Keys already cached are skipped; keys without a row are cached as absent.
   */
  async preload(manager: EntityManager, column: keyof Row & string, keys: Iterable<string>): Promise<void> {
    const missing = [...new Set(keys)].filter((key) => !this.rows.has(key));
    for (const row of await findByKeys(manager, this.entity, column, missing)) this.rows.set(this.keyOf(row), row);
    for (const key of missing) if (!this.rows.has(key)) this.rows.set(key, null);
  }

  /** A row already loaded or set in this batch (no database read). */
  peek(key: string): Row | null | undefined {
    return this.rows.get(key);
  }

  set(row: Row): void {
    const key = this.keyOf(row);
    this.rows.set(key, row);
    this.dirty.add(key);
  }

  /** Writes the changed rows (upsert on the primary key), in key order so the writes are deterministic. */
  async flush(manager: EntityManager): Promise<void> {
    const rows = [...this.dirty].sort().map((key) => this.rows.get(key)).filter((row): row is Row => !!row);
    await bulkWrite(manager, this.entity, rows, 'upsert');
    this.dirty.clear();
  }
}
