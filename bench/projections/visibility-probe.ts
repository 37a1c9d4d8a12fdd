import { Pool } from 'pg';
import { nowMs } from '../lib/report';

export interface VisibilityProbeOptions {
  databaseUrl: string;
  /** Schema of the query service's read models (its inbox: `<schema>.projection_inbox`). */
  readModelSchema: string;
  /** Schema and name of the relay's checkpoint row (`<schema>.relay_checkpoints`). */
  relayCheckpointSchema: string;
  relayName: string;
  intervalMs: number;
}

/**
 * Watches, from its own connection, when appended positions become visible: the relay's
 * checkpoint reaching a position (saved right after Kafka acknowledged the batch holding it) and
 * the position's row in the query service's inbox (committed in the same transaction as the
 * event's read-model rows, so the read models reflect it). One round trip per `intervalMs`; a
 * time is when the poll that first saw it returned (so up to `intervalMs` late).
 */
export class VisibilityProbe {
  readonly ackedAt = new Map<number, number>();
  readonly visibleAt = new Map<number, number>();
  private readonly pool: Pool;
  private readonly pendingAck = new Set<number>();
  private readonly pendingVisible = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  private readonly sql: string;
  polls = 0;

  constructor(private readonly options: VisibilityProbeOptions) {
    this.pool = new Pool({ connectionString: options.databaseUrl, max: 1 });
    this.sql = `SELECT (SELECT position FROM ${options.relayCheckpointSchema}.relay_checkpoints WHERE relay = $1) AS checkpoint,
                       ARRAY(SELECT position FROM ${options.readModelSchema}.projection_inbox WHERE position = ANY($2::bigint[])) AS seen`;
  }

  watch(position: number): void {
    this.pendingAck.add(position);
    this.pendingVisible.add(position);
  }

  get pending(): number {
    return this.pendingVisible.size;
  }

  start(): void {
    const tick = (): void => {
      this.polling = this.poll()
        .catch((error: unknown) => void (this.failure = error instanceof Error ? error : new Error(String(error))))
        .finally(() => {
          if (this.timer !== null) this.timer = setTimeout(tick, this.options.intervalMs);
        });
    };
    this.timer = setTimeout(tick, this.options.intervalMs);
  }

  /** Resolves once every watched position is visible; rejects after `timeoutMs` or on a failed poll. */
  async allVisible(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.pendingVisible.size > 0) {
      if (this.failure) throw this.failure;
      if (Date.now() > deadline) throw new Error(`${this.pendingVisible.size} appended events not visible in the query service after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.polling;
    await this.pool.end();
  }

  private async poll(): Promise<void> {
    if (this.pendingVisible.size === 0 && this.pendingAck.size === 0) return;
    const { rows } = await this.pool.query<{ checkpoint: string | null; seen: string[] }>(this.sql, [this.options.relayName, [...this.pendingVisible]]);
    const now = nowMs();
    this.polls += 1;
    const checkpoint = rows[0].checkpoint === null ? -1 : Number(rows[0].checkpoint);
    for (const position of this.pendingAck) {
      if (position <= checkpoint) {
        this.ackedAt.set(position, now);
        this.pendingAck.delete(position);
      }
    }
    for (const raw of rows[0].seen) {
      const position = Number(raw);
      this.visibleAt.set(position, now);
      this.pendingVisible.delete(position);
    }
  }
}
