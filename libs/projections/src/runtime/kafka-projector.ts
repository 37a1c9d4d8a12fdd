import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecordedEvent } from '@app/event-store';
import { KafkaEventConsumer, KafkaEventConsumerOptions, MessageMeta } from '@app/messaging';
import { projectBatch } from './project-batch';
import { lockReadModels } from './projection-lock';
import { maxInboxPosition, ReadModelInbox } from './projection-inbox';

export type KafkaProjectionOutcome = 'applied' | 'duplicate';

/** Called after an event's read-model transaction committed, before its offset may be committed. */
export type AppliedListener = (event: RecordedEvent, outcome: KafkaProjectionOutcome, meta: MessageMeta) => void | Promise<void>;

export interface KafkaProjectorStatus {
  running: boolean;
  /** Highest global position applied (not gap-free: partitions are consumed independently). */
  position: number;
  applied: number;
  duplicates: number;
}

/**
 * Feeds the read models from Kafka (query service, distributed mode): a consumer group on every
 * bounded context's topic; each event is applied in ONE read-model transaction that checks the
 * inbox (event id seen: skipped), projects the event and records its id. The consumer commits an
 * offset only after the handler resolved, so a crash between the commit of the transaction and
 * the commit of the offset redelivers the event, and the inbox drops it.
 *
 * Events arrive in order per partition (per learner or stream) only; the projectors converge
 * whatever the interleaving of streams because every derived row (progress, ledger) is
 * re-derived from the stored inputs (see progress.writer.ts). Transactions of several query
 * processes on one schema are serialised (lockReadModels), so a re-derivation always sees the
 * rows of every event committed before it.
 */
export class KafkaProjector {
  private readonly logger = new Logger('KafkaProjector');
  private readonly consumer: KafkaEventConsumer;
  private readonly listeners = new Set<AppliedListener>();
  private highest = -1;
  private applied = 0;
  private duplicates = 0;
  private running = false;

  constructor(
    private readonly db: DataSource,
    consumerOptions: KafkaEventConsumerOptions,
    consumer?: KafkaEventConsumer,
  ) {
    this.consumer =
      consumer ??
      new KafkaEventConsumer({
        onCrash: (error) => this.logger.error(`Kafka consumer crashed (kafkajs restarts it from the last committed offsets unless told otherwise): ${error.message}`),
        onMalformed: (r) => this.logger.error(`skipped malformed message ${r.topic}[${r.partition}]@${r.offset} (key ${r.key}): ${r.error}`),
        ...consumerOptions,
      });
  }

  /** Highest global position applied by this process (or found in the inbox at start). */
  get position(): number {
    return this.highest;
  }

  get status(): KafkaProjectorStatus {
    return { running: this.running, position: this.highest, applied: this.applied, duplicates: this.duplicates };
  }

  /** Listens to applied and dropped events (after their transaction committed); returns the unsubscribe. */
  onApplied(listener: AppliedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    this.highest = await maxInboxPosition(this.db.manager);
    this.running = true;
    try {
      await this.consumer.start(async (event, meta) => void (await this.handle(event, meta)));
    } catch (error) {
      this.running = false;
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.consumer.stop();
  }

  /** One event, one transaction: inbox check, projection, inbox row. */
  async handle(event: RecordedEvent, meta: MessageMeta): Promise<KafkaProjectionOutcome> {
    const outcome = await this.db.transaction(async (manager): Promise<KafkaProjectionOutcome> => {
      await lockReadModels(manager);
      const inbox = new ReadModelInbox(manager);
      if (await inbox.seen(event.id)) return 'duplicate';
      await projectBatch(manager, [event]);
      await inbox.record(event.id, event.position);
      return 'applied';
    });
    if (outcome === 'applied') {
      this.applied += 1;
      this.highest = Math.max(this.highest, event.position);
    } else {
      this.duplicates += 1;
    }
    for (const listener of this.listeners) await listener(event, outcome, meta);
    return outcome;
  }
}
