import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore, RecordedEvent, Subscription } from '@app/event-store';
import { isSwitchFenceError, SWITCH_FENCE_RETRY_MS } from '../rebuild/switch-fence';
import { advanceCheckpoint, CheckpointMovedError, readCheckpoint } from './checkpoint';
import { projectBatch } from './project-batch';
import { PositionWaiters } from './position-waiters';
import { ProjectorStatus, ReadModelProjector } from './read-model-projector';
import { retryDelayMs } from './retry-delay';

export interface EmbeddedProjectorOptions {
  /** Events per read-model transaction during catch-up. Default 500. */
  batchSize?: number;
  /**
   * Live batches start at least this long after the previous one started (default 5 ms): under
   * load, events coalesce into one transaction (one checkpoint write, one re-evaluation per
   * progress row) instead of one each; an isolated event is applied at once.
   */
  coalesceMs?: number;
  /** Poll interval for appends made by other processes (PostgreSQL store). Default 100 ms. */
  pollIntervalMs?: number;
  /** Called after each committed batch and each failure (a worker thread reports it to the main thread). */
  onStatus?: (status: ProjectorStatus) => void;
}

/**
 * Feeds the read models from the event store's subscription (embedded mode): events are buffered
 * and applied in batches, each batch and the checkpoint in ONE transaction, so a crash anywhere
 * leaves both or neither and a restart resumes exactly after the last committed batch. While
 * live, a batch is whatever arrived since the previous one (usually one command's events).
 * A failed batch is rolled back and the subscription restarts from the stored checkpoint.
 */
export class EmbeddedProjector extends ReadModelProjector {
  private readonly logger = new Logger('Projector');
  private readonly waiters = new PositionWaiters();
  private subscription: Subscription | null = null;
  private buffer: RecordedEvent[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private lastFlushStart = 0;
  private position = -1;
  private running = false;
  private failures = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  /** Bumped at each (re)subscription: events still arriving from an abandoned subscription are ignored. */
  private generation = 0;

  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly options: EmbeddedProjectorOptions = {},
  ) {
    super();
  }

  /** Global position the read models reflect (committed). */
  get checkpoint(): number {
    return this.position;
  }

  get status(): ProjectorStatus {
    return { running: this.running, checkpoint: this.position, failures: this.failures };
  }

  async start(): Promise<void> {
    this.running = true;
    await this.subscribeFromStored();
  }

  /** Resolves once the read models reflect `position` (or rejects after `timeoutMs`). */
  waitFor(position: number, timeoutMs = 5_000): Promise<void> {
    return this.waiters.waitFor(position, this.position, timeoutMs);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await this.subscription?.stop();
    await this.flushing;
    this.waiters.rejectAll(new Error('projector stopped'));
  }

  private async subscribeFromStored(): Promise<void> {
    const generation = ++this.generation;
    const previous = this.subscription;
    this.subscription = null;
    void previous?.stop();
    // A batch still in flight commits (or fails) before the checkpoint is read: reading it earlier
    // would resubscribe from before that batch and apply it twice.
    await this.flushing;
    const position = await readCheckpoint(this.db.manager);
    if (!this.running || generation !== this.generation) return; // stopped, or superseded by a later restart
    this.position = position;
    this.buffer = [];
    this.waiters.reached(position);
    this.options.onStatus?.(this.status);
    const subscription = this.store.subscribe((event) => (generation === this.generation ? this.onEvent(event) : undefined), {
      after: this.position,
      batchSize: this.options.batchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 100,
    });
    this.subscription = subscription;
    // A subscription that ends on its own (a read error of the store) is restarted from the checkpoint.
    subscription.done.then(
      () => this.onEnded(generation, new Error('the event store subscription ended')),
      (error: unknown) => this.onEnded(generation, error),
    );
  }

  private onEnded(generation: number, error: unknown): void {
    if (this.running && generation === this.generation && this.subscription !== null) this.onFailure(error);
  }

  private async onEvent(event: RecordedEvent): Promise<void> {
    this.buffer.push(event);
    if (this.buffer.length >= (this.options.batchSize ?? 500)) {
      await this.flush();
    } else if (!this.flushScheduled) {
      this.flushScheduled = true;
      const wait = this.lastFlushStart + (this.options.coalesceMs ?? 5) - Date.now();
      const run = () => {
        this.flushScheduled = false;
        void this.flush();
      };
      if (wait > 0) setTimeout(run, wait);
      else setImmediate(run);
    }
  }

  /** Applies what is buffered; serialised, so batches commit in order. */
  private flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const events = this.buffer;
      if (events.length === 0 || !this.running) return;
      this.lastFlushStart = Date.now();
      this.buffer = [];
      const from = this.position;
      const to = events[events.length - 1].position;
      try {
        await this.db.transaction((manager) => advanceCheckpoint(manager, from, to, async () => void (await projectBatch(manager, events))));
        this.position = to;
        this.failures = 0;
        this.waiters.reached(to);
        this.options.onStatus?.(this.status);
      } catch (error) {
        this.onFailure(error);
      }
    });
    return this.flushing;
  }

  private onFailure(error: unknown): void {
    this.generation += 1;
    this.buffer = [];
    const subscription = this.subscription;
    this.subscription = null;
    void subscription?.stop();
    if (!this.running) return;
    const moved = error instanceof CheckpointMovedError;
    // A rebuild is copying its read models in: not a failure; the switched-in checkpoint follows within moments.
    const fenced = isSwitchFenceError(error);
    this.failures += moved || fenced ? 0 : 1;
    this.options.onStatus?.(this.status);
    const delay = moved ? 0 : fenced ? SWITCH_FENCE_RETRY_MS : retryDelayMs(this.failures);
    if (moved || fenced) this.logger.warn((error as Error).message);
    else this.logger.error(`projection batch failed (attempt ${this.failures}; retrying in ${delay} ms): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.running) this.subscribeFromStored().catch((e: unknown) => this.onFailure(e));
    }, delay);
  }
}
