import { Pool } from 'pg';
import { createResilientPool } from '@app/event-store';
import { LearnerRequestEntry, ReactorCheckpoint, ReactorStateStore } from './reactor-state.port';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The reactor's state in PostgreSQL (by default the event store's database, schema `event_store`,
 * next to the relay's `relay_checkpoints`): tables `reactor_checkpoints` and
 * `reactor_learner_requests`, created if missing. A commit is one transaction.
 */
export class PostgresReactorState implements ReactorStateStore {
  readonly kind = 'postgres';

  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {}

  static async connect(options: { connectionString: string; schema?: string }): Promise<PostgresReactorState> {
    const schema = options.schema ?? 'event_store';
    if (!IDENTIFIER.test(schema)) throw new Error(`reactor state schema "${schema}" must be a lowercase SQL identifier`);
    const pool = createResilientPool({ connectionString: options.connectionString, max: 2 });
    const client = await pool.connect().catch(async (error: unknown) => {
      await pool.end().catch(() => undefined);
      throw error;
    });
    try {
      // Several services starting at once would race on CREATE ... IF NOT EXISTS: one at a time.
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('credit-transfer.reactor-state'))`);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${schema}.reactor_checkpoints (
           reactor text PRIMARY KEY,
           position bigint NOT NULL,
           event_id text,
           updated_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${schema}.reactor_learner_requests (
           reactor text NOT NULL,
           learner_id text NOT NULL,
           request_id text NOT NULL,
           position bigint NOT NULL,
           PRIMARY KEY (reactor, learner_id, request_id)
         )`,
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      await pool.end().catch(() => undefined);
      throw error;
    }
    client.release();
    return new PostgresReactorState(pool, schema);
  }

  async load(reactor: string): Promise<ReactorCheckpoint | null> {
    const { rows } = await this.pool.query<{ position: string; event_id: string | null }>(`SELECT position, event_id FROM ${this.schema}.reactor_checkpoints WHERE reactor = $1`, [reactor]);
    return rows.length === 0 ? null : { position: Number(rows[0].position), eventId: rows[0].event_id };
  }

  async requestsOf(reactor: string, learnerId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ request_id: string }>(
      `SELECT request_id FROM ${this.schema}.reactor_learner_requests WHERE reactor = $1 AND learner_id = $2 ORDER BY position, request_id`,
      [reactor, learnerId],
    );
    return rows.map((r) => r.request_id);
  }

  async commit(reactor: string, checkpoint: ReactorCheckpoint, entries: readonly LearnerRequestEntry[]): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      if (entries.length > 0) {
        await client.query(
          `INSERT INTO ${this.schema}.reactor_learner_requests (reactor, learner_id, request_id, position)
           SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bigint[]) ON CONFLICT DO NOTHING`,
          [reactor, entries.map((e) => e.learnerId), entries.map((e) => e.requestId), entries.map((e) => e.position)],
        );
      }
      await client.query(
        `INSERT INTO ${this.schema}.reactor_checkpoints (reactor, position, event_id, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (reactor) DO UPDATE SET position = EXCLUDED.position, event_id = EXCLUDED.event_id, updated_at = EXCLUDED.updated_at`,
        [reactor, checkpoint.position, checkpoint.eventId],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async reset(reactor: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`DELETE FROM ${this.schema}.reactor_learner_requests WHERE reactor = $1`, [reactor]);
      await client.query(`DELETE FROM ${this.schema}.reactor_checkpoints WHERE reactor = $1`, [reactor]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
