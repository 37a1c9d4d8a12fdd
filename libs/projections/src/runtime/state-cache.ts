import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnsEqual } from './bulk-read';
import { RowCache } from './row-cache';

/**
 * A RowCache for rows that hold a folded aggregate state as JSON: the state is parsed once per
 * batch, evolved in memory by every event of the batch, and serialised once when the batch flushes.
 */
export class StateRowCache<Row extends ObjectLiteral, State extends object> {
  private readonly rows: RowCache<Row>;
  private readonly states = new Map<string, State>();
  private readonly changed = new Map<string, Row>();

  constructor(
    entity: EntityTarget<Row>,
    keyOf: (row: Row) => string,
    private readonly stateField: keyof Row & string,
    private readonly initial: State,
  ) {
    this.rows = new RowCache(entity, keyOf);
  }

  /** The row (null if none yet) and its state (the initial state if none). */
  async get(manager: EntityManager, key: string, where: ColumnsEqual<Row>): Promise<{ row: Row | null; state: State }> {
    const row = this.changed.get(key) ?? (await this.rows.get(manager, key, where));
    let state = this.states.get(key);
    if (state === undefined) {
      // Over the initial state: a row written before a state field was added reads it as its initial value.
      state = row ? ({ ...this.initial, ...(JSON.parse(row[this.stateField] as string) as State) } as State) : this.initial;
      this.states.set(key, state);
    }
    return { row, state };
  }

  /** See RowCache.preload. */
  preload(manager: EntityManager, column: keyof Row & string, keys: Iterable<string>): Promise<void> {
    return this.rows.preload(manager, column, keys);
  }

  /** The new state and the row's other columns; the state column is written at flush. */
  set(key: string, row: Row, state: State): void {
    this.states.set(key, state);
    this.changed.set(key, row);
  }

  async flush(manager: EntityManager): Promise<void> {
    for (const [key, row] of this.changed) this.rows.set({ ...row, [this.stateField]: JSON.stringify(this.states.get(key)) });
    this.changed.clear();
    await this.rows.flush(manager);
  }
}
