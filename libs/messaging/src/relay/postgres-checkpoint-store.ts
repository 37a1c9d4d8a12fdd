import { Pool } from 'pg';
import { createResilientPool } from '@app/event-store';
import { RelayCheckpointStore } from './checkpoint-store';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The relay's checkpoint in a small table of the event store's PostgreSQL database
 * (`<schema>.relay_checkpoints`, created if missing): one row per relay name. Each save is one
 * autocommitted UPSERT, durable once it returns.
 */
export class PostgresCheckpointStore implements RelayCheckpointStore {
  private constructor(
    private readonly pool: Pool,
    private readonly table: string,
  ) {}

  static async connect(options: { connectionString: string; schema?: string }): Promise<PostgresCheckpointStore> {
    const schema = options.schema ?? 'event_store';
    if (!IDENTIFIER.test(schema)) throw new Error(`relay checkpoint schema "${schema}" must be a lowercase SQL identifier`);
    const pool = createResilientPool({ connectionString: options.connectionString, max: 2 });
    try {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await pool.query(
        `CREATE TABLE IF NOT EXISTS ${schema}.relay_checkpoints (
           relay text PRIMARY KEY,
           position bigint NOT NULL,
           updated_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return new PostgresCheckpointStore(pool, `${schema}.relay_checkpoints`);
  }

  async load(relay: string): Promise<number> {
    const { rows } = await this.pool.query<{ position: string }>(`SELECT position FROM ${this.table} WHERE relay = $1`, [relay]);
    return rows.length === 0 ? -1 : Number(rows[0].position);
  }

  async save(relay: string, position: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (relay, position, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (relay) DO UPDATE SET position = EXCLUDED.position, updated_at = EXCLUDED.updated_at`,
      [relay, position],
    );
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
