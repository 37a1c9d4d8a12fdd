import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/** Rows per INSERT statement: keeps well under SQLite's bound-parameter limit. */
const CHUNK = 100;

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
    private readonly primaryKeys: (keyof Row & string)[],
  ) {}

  async get(manager: EntityManager, key: string, where: FindOptionsWhere<Row>): Promise<Row | null> {
    if (this.rows.has(key)) return this.rows.get(key) ?? null;
    const row = await manager.findOneBy(this.entity, where);
    this.rows.set(key, row);
    return row;
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
    for (let i = 0; i < rows.length; i += CHUNK) {
      await manager.upsert(this.entity, rows.slice(i, i + CHUNK), { conflictPaths: this.primaryKeys, skipUpdateIfNoValuesChanged: false });
    }
    this.dirty.clear();
  }
}
