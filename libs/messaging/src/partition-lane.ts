import type { KafkaBatchHandler, KafkaDelivery } from './kafka-delivery';
import type { CommitRequest } from './offset-committer';

/** A message of a fetched batch: its offset, and its event (null when malformed: skipped, but committed). */
export interface FetchedMessage {
  offset: string;
  delivery: KafkaDelivery | null;
}

/**
 * Why a lane stops taking chunks: 'commit' (a failure elsewhere, a stop: the chunk in the handler
 * still has its offset committed once done) or 'drop' (the group re-joined or the consumer
 * crashed: the next session starts from the committed offsets, so nothing more is committed here).
 */
export type Abandon = 'commit' | 'drop';

/** What a lane reports to the pipelines that own it. */
export interface LaneOwner {
  readonly handler: KafkaBatchHandler;
  readonly maxBatchEvents: number;
  /** The handler failed on the chunk starting at `firstOffset`: nothing from there on was committed, the queue is dropped. */
  chunkFailed(lane: PartitionLane, error: unknown, firstOffset: string): void;
  /** The chunk up to `nextOffset` (exclusive) was handled: its offset is to be committed (after the partition's earlier ones). */
  handled(lane: PartitionLane, nextOffset: string, request: CommitRequest): void;
  /** Settles once the offsets handed to `handled` so far are committed. */
  commitsDone(): Promise<void>;
}

/**
 * One partition's fetched-but-unhandled messages, in offset order, and the one handler call that
 * works on them: while the handler runs, later fetched batches queue here, and the next call takes
 * everything queued (at most maxBatchEvents messages). So a partition that is behind is handled in
 * large chunks however small the fetched batches are. The handler is never called for this
 * partition while an earlier call runs; a chunk's offset is committed (in chunk order) only after
 * its handler call resolved; after a failed call nothing more is handed over (the lane is dead:
 * its owner rewinds the partition).
 */
export class PartitionLane {
  private queue: FetchedMessage[] = [];
  private roomWaiters: Array<() => void> = [];
  private working: Promise<void> | null = null;
  private commit: CommitRequest | null = null;
  private abandoned: Abandon | null = null;
  private failed: { error: unknown } | null = null;

  constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly owner: LaneOwner,
    /** Settles when the previous lane of this partition (before a re-join) has finished its handler call. */
    private readonly after: Promise<void> = Promise.resolve(),
  ) {}

  /** How the lane was abandoned, or null while it takes chunks. */
  get abandonedAs(): Abandon | null {
    return this.abandoned;
  }

  /** The handler's error when a chunk failed (the lane then takes nothing more), or null. */
  get failure(): { error: unknown } | null {
    return this.failed;
  }

  /** Offset of the first queued message (what the partition must be re-read from if the queue is dropped), or null. */
  get firstQueuedOffset(): string | null {
    return this.queue.length > 0 ? this.queue[0].offset : null;
  }

  /**
   * Queues a fetched batch (waiting first while maxBatchEvents messages are already queued) and
   * calls `accepted` as it does; resolves false, without queuing, when the lane was abandoned.
   */
  async enqueue(messages: readonly FetchedMessage[], commit: CommitRequest, accepted: () => void): Promise<boolean> {
    while (this.taking && this.queue.length >= this.owner.maxBatchEvents) {
      await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    }
    if (!this.taking) return false;
    this.queue.push(...messages);
    this.commit = commit;
    accepted();
    if (this.working === null) this.working = this.work();
    return true;
  }

  /** Stops handing over chunks: the queue is dropped, waiting enqueues resolve false. */
  abandon(how: Abandon): void {
    if (this.abandoned === null || how === 'drop') this.abandoned = how;
    this.queue = [];
    this.wakeEnqueuers();
  }

  /** Settles when the handler call under way (if any) has returned and the commits it led to are done. */
  async settled(): Promise<void> {
    await this.working;
    await this.owner.commitsDone();
  }

  /** Hands the queue over chunk by chunk until it is empty (then `working` is cleared in the same turn: a later enqueue starts a new run). */
  private async work(): Promise<void> {
    try {
      await this.after.catch(() => undefined);
      while (this.queue.length > 0 && this.taking) {
        const chunk = this.queue.splice(0, this.owner.maxBatchEvents);
        this.wakeEnqueuers();
        const deliveries = chunk.flatMap((m) => (m.delivery ? [m.delivery] : []));
        try {
          if (deliveries.length > 0) await this.owner.handler(deliveries);
        } catch (error) {
          this.queue = [];
          this.failed = { error };
          this.wakeEnqueuers();
          this.owner.chunkFailed(this, error, chunk[0].offset);
          return;
        }
        if (this.abandoned === 'drop' || this.commit === null) return;
        this.owner.handled(this, (BigInt(chunk[chunk.length - 1].offset) + 1n).toString(), this.commit);
      }
    } finally {
      this.working = null;
    }
  }

  private get taking(): boolean {
    return this.abandoned === null && this.failed === null;
  }

  private wakeEnqueuers(): void {
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    for (const wake of waiters) wake();
  }
}
