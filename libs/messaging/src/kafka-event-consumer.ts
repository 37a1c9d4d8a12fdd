import { RecordedEvent } from '@app/event-store';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage, Offsets } from 'kafkajs';
import { createKafka, KafkaConnectionOptions } from './kafka-client';
import { decodeEventMessage } from './event-message';
import { KafkaBatchHandler, KafkaDelivery, KafkaEventHandler, MessageMeta } from './kafka-delivery';
import { PartitionPipelines } from './partition-pipelines';

/** A message that is not a valid event envelope: reported, then skipped (its offset committed). */
export interface MalformedMessageReport extends MessageMeta {
  key: string | null;
  error: string;
}

export interface KafkaEventConsumerOptions extends KafkaConnectionOptions {
  groupId: string;
  topics: string[];
  /** Where a group without committed offsets starts. Default true (a projection wants everything). */
  fromBeginning?: boolean;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  rebalanceTimeoutMs?: number;
  /** Longest a fetch waits for data (kafkajs maxWaitTimeInMs). Kafka answers as soon as data arrives; librdkafka's mock cluster waits the whole time, so tests measuring latency lower it. Default 5000 ms. */
  maxWaitTimeMs?: number;
  /** Partitions handled at once (kafkajs partitionsConsumedConcurrently; each partition stays in order). Default 1. */
  partitionsConsumedConcurrently?: number;
  /** Most events per call of a batch handler (`startBatches`): a larger fetched batch is handed over in slices, each committed on its own. Default 500. */
  maxBatchEvents?: number;
  /** Called for each malformed message before it is skipped. Default: console.error. */
  onMalformed?: (report: MalformedMessageReport) => void;
  /** A handler error is retried this many times (with backoff) before the consumer crashes. Default 5. */
  retries?: number;
  /** After a crash, restart (kafkajs re-joins and redelivers from the last commit)? Default true. */
  restartOnFailure?: boolean;
  /** Called when the consumer crashed (handler kept failing, or a fatal broker error). */
  onCrash?: (error: Error) => void;
  /** Called when a batch handler's offset commit (`startBatches`) failed or a rewind could not be set. Default: console.error. */
  onCommitFailed?: (error: Error) => void;
}

/**
 * A consumer-group consumer with at-least-once delivery: autoCommit is off. Per event (`start`):
 * within a fetched batch each message is handled, then resolved, and the batch's progress is
 * committed after the last handler resolved (also when a later handler fails: what succeeded is
 * committed, the failed message is not). Per batch (`startBatches`): a partition's messages are
 * handed over in slices, the next fetch not waiting for the handler, and each slice is committed
 * after its handler resolved (a failed slice is not committed, nor anything after it). A crash
 * between a handler and the commit means redelivery, never loss; the handler (the projector's
 * inbox) drops duplicates by event id. Order: messages of one partition, and so of one key, are
 * handled one call at a time, in offset order.
 */
export class KafkaEventConsumer {
  private readonly consumer: Consumer;
  private running = false;
  private pipelines: PartitionPipelines | null = null;

  constructor(
    private readonly options: KafkaEventConsumerOptions,
    kafka: Kafka = createKafka(options),
  ) {
    const restart = options.restartOnFailure ?? true;
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: options.heartbeatIntervalMs ?? 3_000,
      rebalanceTimeout: options.rebalanceTimeoutMs ?? 60_000,
      allowAutoTopicCreation: true,
      maxWaitTimeInMs: options.maxWaitTimeMs ?? 5_000,
      retry: { retries: options.retries ?? 5, restartOnFailure: async () => restart },
    });
    // A new group generation (or a crash) starts from the committed offsets: what the lanes hold is dropped.
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => this.pipelines?.reset());
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.pipelines?.reset();
      if (!payload.restart) this.running = false;
      options.onCrash?.(payload.error);
    });
  }

  /** Connects, joins the group and starts handing events to `handler` one at a time; resolves once running. */
  async start(handler: KafkaEventHandler): Promise<void> {
    await this.run((payload) => this.handleEach(payload, handler));
  }

  /**
   * Connects, joins the group and starts handing each partition's fetched messages to `handler` in
   * slices of at most `maxBatchEvents`; kafkajs fetches on while a handler call runs (the messages
   * fetched meanwhile make the partition's next slice), and each slice's offsets are committed
   * after its handler resolved (see PartitionPipelines). Resolves once running.
   */
  async startBatches(handler: KafkaBatchHandler): Promise<void> {
    const pipelines = new PartitionPipelines({
      handler,
      maxBatchEvents: Math.max(1, this.options.maxBatchEvents ?? 500),
      seek: (topic, partition, offset) => this.seek(topic, partition, offset),
      onCommitFailed: (error) => this.reportCommitFailed(error),
    });
    this.pipelines = pipelines;
    await this.run((payload) => this.queueBatch(payload, pipelines));
  }

  private async run(eachBatch: (payload: EachBatchPayload) => Promise<void>): Promise<void> {
    if (this.running) throw new Error('KafkaEventConsumer already started');
    this.running = true;
    try {
      await this.consumer.connect();
      await this.consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.fromBeginning ?? true });
      await this.consumer.run({ autoCommit: false, eachBatchAutoResolve: false, partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1, eachBatch });
    } catch (error) {
      this.running = false;
      await this.consumer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  /** Stops fetching, lets the current handler finish, commits its batch, leaves the group. */
  async stop(): Promise<void> {
    this.running = false;
    await this.pipelines?.close();
    await this.consumer.disconnect();
  }

  private async handleEach(payload: EachBatchPayload, handler: KafkaEventHandler): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    const { topic, partition } = batch;
    let lastDone: string | null = null;
    try {
      for (const message of batch.messages) {
        if (!isRunning() || isStale()) break;
        const delivery = this.decode(topic, partition, message);
        if (delivery) await handler(delivery.event, delivery.meta);
        resolveOffset(message.offset);
        lastDone = message.offset;
        await heartbeat();
      }
    } finally {
      // The committed offset is the next one to read. Committed only for handled messages.
      if (lastDone !== null) {
        await commitOffsetsIfNecessary(nextOffset(topic, partition, lastDone));
      }
    }
  }

  /** One fetched batch: to its partition's lane (PartitionPipelines); returns without waiting for the handler (but after a failure). */
  private async queueBatch(payload: EachBatchPayload, pipelines: PartitionPipelines): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    const { topic, partition } = batch;
    if (!isRunning() || batch.messages.length === 0) return;
    const messages = batch.messages.map((message) => ({ offset: message.offset, delivery: this.decode(topic, partition, message) }));
    const last = messages[messages.length - 1].offset;
    await pipelines.take({
      topic,
      partition,
      messages,
      commit: (offsets) => commitOffsetsIfNecessary(offsets),
      resolve: () => resolveOffset(last),
      isStale,
    });
    await heartbeat();
  }

  /** The message's event, or null when it is malformed (reported; the caller skips it). */
  private decode(topic: string, partition: number, message: KafkaMessage): KafkaDelivery | null {
    const meta: MessageMeta = { topic, partition, offset: message.offset };
    const decoded = decodeEventMessage(message.value);
    if (decoded.ok) return { event: decoded.event, meta };
    this.reportMalformed({ ...meta, key: message.key?.toString('utf8') ?? null, error: decoded.error });
    return null;
  }

  private seek(topic: string, partition: number, offset: string): void {
    try {
      this.consumer.seek({ topic, partition, offset });
    } catch (error) {
      // Only before run() or after a crash: the next session reads from the committed offsets anyway.
      this.reportCommitFailed(error);
    }
  }

  private reportCommitFailed(error: unknown): void {
    const err = error instanceof Error ? error : new Error(String(error));
    if (this.options.onCommitFailed) this.options.onCommitFailed(err);
    else console.error(`[messaging] offset commit failed (redelivered after a crash unless a later commit covers it): ${err.message}`);
  }

  private reportMalformed(report: MalformedMessageReport): void {
    const fallback = (): void =>
      console.error(`[messaging] skipped malformed message ${report.topic}[${report.partition}]@${report.offset}: ${report.error}`);
    if (!this.options.onMalformed) return fallback();
    try {
      this.options.onMalformed(report);
    } catch {
      fallback(); // a failing reporter must not stall the partition on a message nobody can handle
    }
  }
}

/** The offsets to commit after `done` (Kafka's committed offset is the next one to read). */
function nextOffset(topic: string, partition: number, done: string): Offsets {
  return { topics: [{ topic, partitions: [{ partition, offset: (BigInt(done) + 1n).toString() }] }] };
}
