import { RecordedEvent } from '@app/event-store';

export interface MessageMeta {
  topic: string;
  partition: number;
  /** Kafka offset (a decimal string, as kafkajs gives it). */
  offset: string;
}

/** Handles one event; the offset is committed only after the returned promise resolves. */
export type KafkaEventHandler = (event: RecordedEvent, meta: MessageMeta) => Promise<void>;

/** One decoded message of a fetched batch. */
export interface KafkaDelivery {
  event: RecordedEvent;
  meta: MessageMeta;
}

/**
 * Handles a slice of one partition's fetched messages (offset order, at most `maxBatchEvents`;
 * possibly from several fetched batches: those fetched while the previous call ran); the slice's
 * offsets are committed only after the returned promise resolves, and none of them when it
 * rejects (the partition is read again from the slice's first offset). Never called for a
 * partition while an earlier call for it runs; calls for different partitions may overlap.
 */
export type KafkaBatchHandler = (deliveries: readonly KafkaDelivery[]) => Promise<void>;
