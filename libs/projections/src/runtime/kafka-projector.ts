import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecordedEvent } from '@app/event-store';
import { BatchCoalescer, KafkaDelivery, KafkaEventConsumer, KafkaEventConsumerOptions, MessageMeta } from '@app/messaging';
import { projectBatch } from './project-batch';
import { claimInbox } from './inbox-claim';
import { maxInboxPosition } from './projection-inbox';

/** Partitions whose fetched batches kafkajs hands to the consumer at once (each is queued in its partition's lane; each partition stays in order). */
const PARTITIONS_AT_ONCE = 8;

export type KafkaProjectionOutcome = 'applied' | 'duplicate';

/** Called for each event of a batch after the batch's read-model transaction committed, before its offsets may be committed. */
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
 * bounded context's topic; a partition's fetched messages (in slices of at most `maxBatchEvents`,
 * default 500; the consumer fetches on while a slice is applied, so a partition that is behind
 * gets large slices) are applied in ONE read-model transaction per slice that checks the inbox
 * for all its event ids (seen before, or earlier in the same batch: dropped), projects the rest
 * with projectBatch and records their ids. Each partition has at most one slice in the works;
 * slices of other partitions submitted while a transaction runs share the next one (group
 * commit). The consumer commits a slice's offsets only after the transaction holding it
 * committed (and the listeners ran), so a crash between the two commits redelivers the whole
 * slice, and the inbox drops every event of it.
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
  private readonly transactions = new BatchCoalescer<KafkaDelivery, KafkaProjectionOutcome>((deliveries) => this.applyInTransaction(deliveries));

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
        onCommitFailed: (error) => this.logger.warn(`offset commit failed (a later commit covers it; after a crash the inbox drops the redelivered events): ${error.message}`),
        partitionsConsumedConcurrently: PARTITIONS_AT_ONCE,
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
      await this.consumer.startBatches(async (deliveries) => void (await this.handleBatch(deliveries)));
    } catch (error) {
      this.running = false;
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.consumer.stop();
  }

  /** One event in its own transaction (a batch of one): inbox check, projection, inbox row. */
  async handle(event: RecordedEvent, meta: MessageMeta): Promise<KafkaProjectionOutcome> {
    const [outcome] = await this.handleBatch([{ event, meta }]);
    return outcome;
  }

  /**
   * One batch, one transaction: the inbox check for all its event ids, the projection of the
   * events not seen before (each id once, in delivery order), their inbox rows. Batches of other
   * partitions submitted while a transaction runs share the next one (group commit). Then the
   * listeners, per delivery in order. Returns each delivery's outcome.
   */
  async handleBatch(deliveries: readonly KafkaDelivery[]): Promise<KafkaProjectionOutcome[]> {
    const outcomes = await this.transactions.submit(deliveries);
    deliveries.forEach(({ event }, i) => {
      if (outcomes[i] === 'applied') {
        this.applied += 1;
        this.highest = Math.max(this.highest, event.position);
      } else {
        this.duplicates += 1;
      }
    });
    for (const [i, { event, meta }] of deliveries.entries()) {
      for (const listener of this.listeners) await listener(event, outcomes[i], meta);
    }
    return outcomes;
  }

  private applyInTransaction(deliveries: readonly KafkaDelivery[]): Promise<KafkaProjectionOutcome[]> {
    return this.db.transaction(async (manager): Promise<KafkaProjectionOutcome[]> => {
      const claim = await claimInbox(manager, deliveries.map((d) => d.event));
      const fresh: RecordedEvent[] = [];
      const outcomes = deliveries.map(({ event }): KafkaProjectionOutcome => {
        if (!claim.fresh.delete(event.id)) return 'duplicate';
        fresh.push(event);
        return 'applied';
      });
      if (fresh.length > 0) {
        await projectBatch(manager, fresh);
        await claim.record(fresh);
      }
      return outcomes;
    });
  }
}
