import { EventStore, RecordedEvent, Subscription } from '@app/event-store';
import { routeOf, UnroutableEventError } from '../event-routing';
import { RelayCheckpointStore } from './checkpoint-store';

/** What the relay publishes with: `KafkaEventPublisher` (resolves once Kafka acknowledged every event). */
export interface RelayPublisher {
  publish(events: readonly RecordedEvent[]): Promise<void>;
}

export interface RelayLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface EventRelayOptions {
  /** The checkpoint's name (one row per relay). Default `kafka`. */
  name?: string;
  /** Most events per `publish` (one Kafka sendBatch). Default 500. */
  batchSize?: number;
  /**
   * While live, how long the first buffered event waits for others before the batch is published
   * (a producer's linger.ms): larger Kafka record batches, fewer requests, at the cost of this
   * much latency. A full batch (`batchSize`) goes at once. Default 0 (the next turn of the event loop).
   */
  lingerMs?: number;
  /** Poll interval for appends by other processes. Default 100 ms. */
  pollIntervalMs?: number;
  /** Backoff after a failed publish or checkpoint save: first and longest delay. Default 200 ms, 30 s. */
  retryDelayMs?: { first: number; max: number };
  /** Called after each batch is published and checkpointed. */
  onBatch?: (batch: { events: number; checkpoint: number }) => void;
  log?: RelayLog;
}

export interface RelayStatus {
  running: boolean;
  checkpoint: number;
  failures: number;
  published: number;
  fatal: string | null;
}

const silent: RelayLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Event store -> Kafka, at least once. Follows the store's subscription from the durable
 * checkpoint; events are buffered and published in batches (one `publish`, i.e. one sendBatch,
 * per batch: during catch-up up to `batchSize`, while live whatever arrived meanwhile); after
 * Kafka acknowledged a batch, the checkpoint moves to its last position. Batches are strictly
 * sequential (the publisher keeps one request in flight), so order per key is the store's order.
 *
 * A failed publish or checkpoint save drops the buffer and resubscribes from the stored
 * checkpoint after a backoff: what may already be on Kafka is published again (duplicates, which
 * consumers drop by event id), nothing is skipped. An event whose stream has no Kafka route stops
 * the relay (`done` rejects with UnroutableEventError) after the events before it are published:
 * a new stream category needs a routing decision, not a silent skip.
 */
export class EventRelay {
  readonly done: Promise<void>;
  private resolveDone!: () => void;
  private rejectDone!: (error: Error) => void;
  private subscription: Subscription | null = null;
  private buffer: RecordedEvent[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private position = -1;
  private running = false;
  private failures = 0;
  private published = 0;
  private fatal: Error | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  /** Bumped at each (re)subscription: events still arriving from an abandoned subscription are ignored. */
  private generation = 0;
  private readonly name: string;
  private readonly batchSize: number;
  private readonly log: RelayLog;
  private readonly listeners = new Set<(events: readonly RecordedEvent[]) => void>();

  constructor(
    private readonly store: EventStore,
    private readonly publisher: RelayPublisher,
    private readonly checkpoints: RelayCheckpointStore,
    private readonly options: EventRelayOptions = {},
  ) {
    this.name = options.name ?? 'kafka';
    this.batchSize = options.batchSize ?? 500;
    this.log = options.log ?? silent;
    this.done = new Promise<void>((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    this.done.catch(() => undefined); // observed through `done` by the caller
  }

  /** The global position of the last event Kafka acknowledged (and checkpointed). */
  get checkpoint(): number {
    return this.position;
  }

  get status(): RelayStatus {
    return { running: this.running, checkpoint: this.position, failures: this.failures, published: this.published, fatal: this.fatal?.message ?? null };
  }

  /** Listens to batches after Kafka acknowledged them and the checkpoint was saved; returns the unsubscribe. */
  onPublished(listener: (events: readonly RecordedEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    if (this.running) throw new Error('EventRelay already started');
    this.running = true;
    await this.subscribeFromStored();
    this.log.info(`relay "${this.name}" following the event store after position ${this.position}`);
  }

  /** Stops reading; waits for the batch in flight (published and checkpointed, or failed). */
  async stop(): Promise<void> {
    this.running = false;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
    await this.flushing;
    if (!this.fatal) this.resolveDone();
  }

  private async subscribeFromStored(): Promise<void> {
    const generation = ++this.generation;
    this.position = await this.checkpoints.load(this.name);
    this.buffer = [];
    const subscription = this.store.subscribe((event) => (generation === this.generation ? this.onEvent(event) : undefined), {
      after: this.position,
      batchSize: this.batchSize,
      pollIntervalMs: this.options.pollIntervalMs ?? 100,
    });
    this.subscription = subscription;
    subscription.done.catch((error: unknown) => {
      if (generation === this.generation) this.onFailure(error);
    });
  }

  private async onEvent(event: RecordedEvent): Promise<void> {
    if (!this.running) return;
    try {
      routeOf(event.stream);
    } catch (error) {
      if (!(error instanceof UnroutableEventError)) throw error;
      await this.flush(); // publish what precedes it, so the checkpoint stops right before it
      return this.stopFatally(new UnroutableEventError(event.stream), event);
    }
    this.buffer.push(event);
    if (this.buffer.length >= this.batchSize) {
      await this.flush(); // backpressure: the subscription waits while a full batch is published
    } else if (!this.flushScheduled) {
      this.flushScheduled = true;
      const flush = (): void => {
        this.flushScheduled = false;
        void this.flush();
      };
      const linger = this.options.lingerMs ?? 0;
      if (linger > 0) setTimeout(flush, linger);
      else setImmediate(flush);
    }
  }

  /** Publishes what is buffered, then checkpoints; serialised, so batches go out in order. */
  private flush(): Promise<void> {
    const generation = this.generation;
    this.flushing = this.flushing.then(async () => {
      const events = this.buffer;
      if (events.length === 0 || !this.running || generation !== this.generation) return;
      this.buffer = [];
      const to = events[events.length - 1].position;
      try {
        await this.publisher.publish(events);
        await this.checkpoints.save(this.name, to);
      } catch (error) {
        if (generation === this.generation) this.onFailure(error);
        return;
      }
      this.position = to;
      this.published += events.length;
      this.failures = 0;
      this.options.onBatch?.({ events: events.length, checkpoint: to });
      for (const listener of this.listeners) listener(events);
    });
    return this.flushing;
  }

  private abandonSubscription(): void {
    this.generation += 1;
    this.buffer = [];
    const subscription = this.subscription;
    this.subscription = null;
    void subscription?.stop(); // not awaited: this may run inside the subscription's own handler
  }

  private onFailure(error: unknown): void {
    this.abandonSubscription();
    if (!this.running) return;
    this.failures += 1;
    const { first, max } = this.options.retryDelayMs ?? { first: 200, max: 30_000 };
    const delay = Math.min(max, first * 2 ** Math.min(this.failures - 1, 16));
    this.log.error(
      `relay "${this.name}": publish or checkpoint failed (attempt ${this.failures}; resuming after position ${this.position} in ${delay} ms): ${describe(error)}`,
    );
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.running) this.subscribeFromStored().catch((e: unknown) => this.onFailure(e));
    }, delay);
  }

  private stopFatally(error: Error, event: RecordedEvent): void {
    this.fatal = error;
    this.running = false;
    this.abandonSubscription();
    this.log.error(`relay "${this.name}" stopped at event ${event.id} (position ${event.position}, type ${event.type}): ${error.message}; checkpoint stays at ${this.position}`);
    this.rejectDone(error);
  }
}

const describe = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));
