import { DataSource } from 'typeorm';

/** The read models as the query side reads them (a read-only connection on SQLite). */
export const READ_MODEL_READER = Symbol.for('credit-transfer.ReadModelReader');
/** The read models as the projector writes them. */
export const READ_MODEL_WRITER = Symbol.for('credit-transfer.ReadModelWriter');

/**
 * How far the read models reflect the event store (global position), for answers to say so.
 * Embedded: the checkpoint (gap-free). Fed over Kafka: the highest position applied (not gap-free).
 */
export interface ProjectionPosition {
  current(): Promise<number>;
}
export const PROJECTION_POSITION = Symbol.for('credit-transfer.ProjectionPosition');

export type ReadModelDataSource = DataSource;
