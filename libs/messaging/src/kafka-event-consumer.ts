import { RecordedEvent } from '@app/event-store';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { createKafka, KafkaConnectionOptions } from './kafka-client';
import { decodeEventMessage } from './event-message';

export interface MessageMeta {
  topic: string;
  partition: number;
  /** Kafka offset (a decimal string, as kafkajs gives it). */
  offset: string;
}

/** Handles one event; the offset is committed only after the returned promise resolves. */
export type KafkaEventHandler = (event: RecordedEvent, meta: MessageMeta) => Promise<void>;

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
  /** Called for each malformed message before it is skipped. Default: console.error. */
  onMalformed?: (report: MalformedMessageReport) => void;
  /** A handler error is retried this many times (with backoff) before the consumer crashes. Default 5. */
  retries?: number;
  /** After a crash, restart (kafkajs re-joins and redelivers from the last commit)? Default true. */
  restartOnFailure?: boolean;
  /** Called when the consumer crashed (handler kept failing, or a fatal broker error). */
  onCrash?: (error: Error) => void;
}

/**
 * A consumer-group consumer with at-least-once delivery: autoCommit is off; within a batch each
 * message is handled, then resolved, and the batch's progress is committed after the last handler
 * resolved (also when a later handler fails: what succeeded is committed, the failed message is
 * not). A crash between a handler and the commit means redelivery, never loss; the handler (the
 * projector's inbox) drops duplicates by event id. Order: messages of one partition, and so of
 * one key, are handled one at a time, in offset order.
 */
export class KafkaEventConsumer {
  private readonly consumer: Consumer;
  private running = false;

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
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.running = false;
      options.onCrash?.(payload.error);
    });
  }

  /** Connects, joins the group and starts handing events to `handler`; resolves once running. */
  async start(handler: KafkaEventHandler): Promise<void> {
    if (this.running) throw new Error('KafkaEventConsumer already started');
    this.running = true;
    try {
      await this.consumer.connect();
      await this.consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.fromBeginning ?? true });
      await this.consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 1,
        eachBatch: (payload) => this.handleBatch(payload, handler),
      });
    } catch (error) {
      this.running = false;
      await this.consumer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  /** Stops fetching, lets the current handler finish, commits its batch, leaves the group. */
  async stop(): Promise<void> {
    this.running = false;
    await this.consumer.disconnect();
  }

  private async handleBatch(payload: EachBatchPayload, handler: KafkaEventHandler): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    const { topic, partition } = batch;
    let lastDone: string | null = null;
    try {
      for (const message of batch.messages) {
        if (!isRunning() || isStale()) break;
        const meta: MessageMeta = { topic, partition, offset: message.offset };
        const decoded = decodeEventMessage(message.value);
        if (decoded.ok) {
          await handler(decoded.event, meta);
        } else {
          this.reportMalformed({ ...meta, key: message.key?.toString('utf8') ?? null, error: decoded.error });
        }
        resolveOffset(message.offset);
        lastDone = message.offset;
        await heartbeat();
      }
    } finally {
      // The committed offset is the next one to read. Committed only for handled messages.
      if (lastDone !== null) {
        const next = (BigInt(lastDone) + 1n).toString();
        await commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset: next }] }] });
      }
    }
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
