import { Pool } from 'pg';
import { JsonObject, NewEvent, RecordedEvent, EventMetadata } from '../event-envelope';
import {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { resolveAfterFailure, StoredIdRef, validateAppend } from '../prepare-append';
import { appendInTransaction } from './postgres-append';
import { PollingSubscription } from '../polling-subscription';
import { WakeSignal } from '../wake-signal';
import { appendLockKey, PgEventRow, postgresSchema, quoteIdent } from './postgres-schema';
import { PostgresNotifier } from './postgres-notifier';
import { createResilientPool } from './postgres-pool';
import { restoreInTransaction } from './postgres-restore';

const COLUMNS =
  'position, id, stream, revision, type, occurred_at, recorded_at, schema_version, data, metadata, previous_hash, hash';

/**
 * PostgreSQL adapter for sites without EventStoreDB. Appends take a transaction-scoped advisory
 * lock, so positions become visible strictly in order (gap-free reading without waiting);
 * subscribers are woken by LISTEN/NOTIFY and also poll, for safety.
 */
export class PostgresEventStore implements EventStore {
  readonly name = 'postgres';
  readonly table: string;
  readonly lockKey: number;
  private readonly appended = new WakeSignal();
  private notifier: PostgresNotifier | null = null;

  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {
    this.table = `${quoteIdent(schema)}.events`;
    this.lockKey = appendLockKey(schema);
  }

  static async connect(options: { connectionString: string; schema?: string; poolSize?: number }): Promise<PostgresEventStore> {
    const pool = createResilientPool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    const schema = options.schema ?? 'event_store';
    const store = new PostgresEventStore(pool, schema);
    const client = await pool.connect();
    try {
      // Serialise concurrent schema creation by several processes starting at once.
      await client.query('SELECT pg_advisory_lock($1)', [store.lockKey]);
      try {
        await client.query(postgresSchema(schema));
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [store.lockKey]);
      }
    } finally {
      client.release();
    }
    store.notifier = await PostgresNotifier.listen(options.connectionString, store.channel, () => store.appended.notify());
    return store;
  }

  get channel(): string {
    return `${this.schema}_appended`;
  }

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const valid = validateAppend(stream, events, expected);
    let result: AppendResult;
    try {
      const client = await this.pool.connect();
      try {
        result = await appendInTransaction(client, this, stream, valid, expected);
      } finally {
        client.release();
      }
    } catch (error) {
      return resolveAfterFailure(error, stream, valid, (ids) => this.findIds(ids));
    }
    this.appended.notify();
    return result;
  }

  private async findIds(ids: string[]): Promise<StoredIdRef[]> {
    const { rows } = await this.pool.query<{ id: string; stream: string; revision: string; position: string }>(
      `SELECT id, stream, revision, position FROM ${this.table} WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((row) => ({ id: row.id, stream: row.stream, revision: Number(row.revision), position: Number(row.position) }));
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    let from = options.fromRevision ?? 0;
    let remaining = options.limit ?? Number.MAX_SAFE_INTEGER;
    while (remaining > 0) {
      const want = Math.min(500, remaining);
      const { rows } = await this.pool.query<PgEventRow>(
        `SELECT ${COLUMNS} FROM ${this.table} WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
        [stream, from, want],
      );
      for (const row of rows) yield toRecorded(row);
      if (rows.length < want) return;
      remaining -= rows.length;
      from = Number(rows[rows.length - 1].revision) + 1;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let after = options.after ?? -1;
    const upTo = options.upTo ?? Number.MAX_SAFE_INTEGER;
    const batchSize = options.batchSize ?? 500;
    let remaining = options.limit ?? Number.MAX_SAFE_INTEGER;
    const types = options.types;
    if (types?.length === 0) return;
    // With types: through events_type_idx (type, position).
    const typed = types ? ' AND type = ANY($4)' : '';
    while (remaining > 0) {
      const want = Math.min(batchSize, remaining);
      const { rows } = await this.pool.query<PgEventRow>(
        `SELECT ${COLUMNS} FROM ${this.table} WHERE position > $1 AND position <= $2${typed} ORDER BY position LIMIT $3`,
        types ? [after, upTo, want, types] : [after, upTo, want],
      );
      for (const row of rows) yield toRecorded(row);
      if (rows.length < want) return;
      remaining -= rows.length;
      after = Number(rows[rows.length - 1].position);
    }
  }

  subscribe(handler: EventHandler, options: SubscribeOptions): Subscription {
    return new PollingSubscription((o) => this.readAll(o), this.appended, handler, options);
  }

  async streamRevision(stream: string): Promise<number | null> {
    const { rows } = await this.pool.query<{ revision: string | null }>(
      `SELECT MAX(revision) AS revision FROM ${this.table} WHERE stream = $1`,
      [stream],
    );
    return rows[0]?.revision === null || rows[0] === undefined ? null : Number(rows[0].revision);
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.pool.query<{ position: string | null }>(`SELECT MAX(position) AS position FROM ${this.table}`);
    return rows[0]?.position ? Number(rows[0].position) : -1;
  }

  /** Restores recorded events verbatim (see EventStore.restore); postgres-restore.ts does the work. */
  async restore(events: RecordedEvent[]): Promise<void> {
    await restoreInTransaction(this.pool, this, events);
    this.appended.notify();
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    this.appended.notify();
    await this.notifier?.close();
    this.notifier = null;
    await this.pool.end().catch(() => undefined);
  }

  /** For tests and tools that must reach behind the store (tamper tests, benchmarks). */
  get connection(): Pool {
    return this.pool;
  }

  get schemaName(): string {
    return this.schema;
  }
}

function toRecorded(row: PgEventRow): RecordedEvent {
  return {
    id: row.id,
    stream: row.stream,
    revision: Number(row.revision),
    position: Number(row.position),
    type: row.type,
    occurredAt: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    schemaVersion: row.schema_version,
    data: row.data as JsonObject,
    metadata: row.metadata as EventMetadata,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}
