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
 * the event's row in the query service's inbox (looked up by event id, its primary key; committed in the same transaction as the
 * event's read-model rows, so the read models reflect it). One round trip per `intervalMs`; a
 * time is when the poll that first saw it returned (so up to `intervalMs` late).
 */
export class VisibilityProbe {
  readonly ackedAt = new Map<number, number>();
  readonly visibleAt = new Map<number, number>();
  private readonly pool: Pool;
  private readonly pendingAck = new Set<number>();
  /** Event id -> position, until the event's inbox row is seen. */
  private readonly pendingVisible = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  private readonly sql: string;
  polls = 0;

  constructor(private readonly options: VisibilityProbeOptions) {
    this.pool = new Pool({ connectionString: options.databaseUrl, max: 1 });
    this.sql = `SELECT (SELECT position FROM ${options.relayCheckpointSchema}.relay_checkpoints WHERE relay = $1) AS checkpoint,
                       ARRAY(SELECT event_id FROM ${options.readModelSchema}.projection_inbox WHERE event_id = ANY($2::text[])) AS seen`;
  }

  watch(position: number, eventId: string): void {
    this.pendingAck.add(position);
    this.pendingVisible.set(eventId, position);
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
    const { rows } = await this.pool.query<{ checkpoint: string | null; seen: string[] }>(this.sql, [this.options.relayName, [...this.pendingVisible.keys()]]);
    const now = nowMs();
    this.polls += 1;
    const checkpoint = rows[0].checkpoint === null ? -1 : Number(rows[0].checkpoint);
    for (const position of this.pendingAck) {
      if (position <= checkpoint) {
        this.ackedAt.set(position, now);
        this.pendingAck.delete(position);
      }
    }
    for (const eventId of rows[0].seen) {
      const position = this.pendingVisible.get(eventId);
      if (position === undefined) continue;
      this.visibleAt.set(position, now);
      this.pendingVisible.delete(eventId);
    }
  }
}
