import type { KafkaBatchHandler } from './kafka-delivery';
import { CommitRequest, OffsetCommitter } from './offset-committer';
import { Abandon, FetchedMessage, LaneOwner, PartitionLane } from './partition-lane';

export interface PartitionPipelinesOptions {
  handler: KafkaBatchHandler;
  /** Most messages per handler call. */
  maxBatchEvents: number;
  /** Rewinds a partition: its next fetch starts at `offset` (kafkajs seek; with autoCommit off it commits nothing). */
  seek: (topic: string, partition: number, offset: string) => void;
  /** A chunk's offset commit failed (a later commit of the partition covers it; until then it is redelivered after a crash). */
  onCommitFailed: (error: unknown) => void;
}

/** One fetched batch of a partition, as eachBatch has it. */
export interface FetchedBatch {
  topic: string;
  partition: number;
  messages: readonly FetchedMessage[];
  /** Sends an offset commit (any batch's request serves every partition of the same kafkajs session). */
  commit: CommitRequest;
  /** Resolves the batch's offsets (the partition's next fetch starts after it). */
  resolve: () => void;
  /** True when the partition was rewound after this batch was fetched (kafkajs isStale): the batch is dropped. */
  isStale: () => boolean;
}

const keyOf = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/**
 * The fetched batches of every partition, handed to the handler without holding up the next
 * fetch: `take` queues a batch in its partition's lane (see PartitionLane) and returns, so kafkajs
 * fetches again while the handler works, and a consumer that is behind gets large handler calls
 * instead of one per fetched batch (librdkafka's mock returns one record batch per partition per
 * fetch). A batch's offsets are resolved (its partition's next fetch position) when it is queued.
 *
 * A failed handler call: its partition is rewound to the failed chunk's first offset, every other
 * partition to its first queued message (queued messages are dropped; the calls under way finish
 * and commit), and until kafkajs has restarted fetching the pipelines run like a plain eachBatch
 * handler (each batch handled and committed before `take` returns), so kafkajs, which waits for
 * the batches under way before it retries or crashes, leaves nothing handled but uncommitted. The
 * failure is thrown from the failed partition's next batch (read again from the failed chunk),
 * i.e. to kafkajs as if the batch handler itself had failed: it retries from there (or crashes).
 * That partition's next batch after the throw comes from kafkajs's next round of fetches: the
 * pipelines run ahead again.
 */
export class PartitionPipelines implements LaneOwner {
  private lanes = new Map<string, PartitionLane>();
  /** The lane each partition had before the lanes were abandoned: a new lane's handler calls wait for its last one. */
  private readonly previous = new Map<string, PartitionLane>();
  /** The first failed chunk's partition and error, until kafkajs has fetched that partition again after the error was thrown. */
  private failure: { key: string; error: unknown; thrown: boolean } | null = null;
  private closed = false;
  private readonly committer: OffsetCommitter;

  constructor(private readonly options: PartitionPipelinesOptions) {
    this.committer = new OffsetCommitter(options.onCommitFailed);
  }

  get handler(): KafkaBatchHandler {
    return this.options.handler;
  }

  get maxBatchEvents(): number {
    return this.options.maxBatchEvents;
  }

  /** One fetched batch (the body of kafkajs's eachBatch): queued, or after a failure handled at once, or the failure thrown. */
  async take(batch: FetchedBatch): Promise<void> {
    if (this.closed || batch.isStale()) return;
    const failure = this.failure;
    if (failure !== null && failure.key === keyOf(batch.topic, batch.partition)) {
      if (!failure.thrown) {
        await this.quiesce();
        failure.thrown = true;
        throw failure.error;
      }
      this.failure = null; // kafkajs fetches again after the error: back to running ahead
    }
    const lane = this.laneOf(batch.topic, batch.partition);
    const queued = await lane.enqueue(batch.messages, batch.commit, batch.resolve);
    if (!queued || this.failure === null) return;
    await lane.settled();
    if (lane.failure !== null) throw lane.failure.error;
  }

  /** The group was re-joined (or the consumer crashed): kafkajs reads again from the committed offsets; nothing queued is handed over, nothing more committed. */
  reset(): void {
    this.abandonAll('drop');
    this.committer.drop();
    this.failure = null;
  }

  /** Stops taking batches; waits for the handler calls under way and commits their offsets. */
  async close(): Promise<void> {
    this.closed = true;
    this.abandonAll('commit');
    await this.quiesce();
  }

  chunkFailed(lane: PartitionLane, error: unknown, firstOffset: string): void {
    if (lane.abandonedAs === 'drop' || this.closed) return; // the next session starts from the committed offsets anyway
    this.options.seek(lane.topic, lane.partition, firstOffset);
    if (this.failure !== null) return; // handled at once (thrown by `take`), or after an earlier failure: rewound only
    this.failure = { key: keyOf(lane.topic, lane.partition), error, thrown: false };
    this.abandonAll('commit');
  }

  handled(lane: PartitionLane, nextOffset: string, request: CommitRequest): void {
    this.committer.mark(lane.topic, lane.partition, nextOffset, request);
  }

  commitsDone(): Promise<void> {
    return this.committer.idle();
  }

  private laneOf(topic: string, partition: number): PartitionLane {
    const key = keyOf(topic, partition);
    let lane = this.lanes.get(key);
    if (!lane || lane.failure !== null) {
      lane = new PartitionLane(topic, partition, this, (lane ?? this.previous.get(key))?.settled());
      this.lanes.set(key, lane);
    }
    return lane;
  }

  private abandonAll(how: Abandon): void {
    for (const [key, lane] of this.lanes) {
      const first = lane.firstQueuedOffset;
      if (how === 'commit' && first !== null && !this.closed) this.options.seek(lane.topic, lane.partition, first);
      lane.abandon(how);
      this.previous.set(key, lane);
    }
    this.lanes = new Map();
  }

  private async quiesce(): Promise<void> {
    await Promise.all([...this.lanes.values(), ...this.previous.values()].map((lane) => lane.settled()));
  }
}
