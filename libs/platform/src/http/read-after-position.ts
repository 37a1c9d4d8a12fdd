import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';

/**
 * Read your own writes: every write answers the global `position` of its last event, and every
 * read accepts `?minPosition=<that position>`. Where a read answers from matters:
 * - `read-models`: the projections (eligibility, what-if, queue, submissions, ledger, catalog, the
 *   audit history index, policy impact): the read waits, bounded, until they have reached the
 *   position, else answers 503 with Retry-After;
 * - `event-log`: the event store itself (aggregate reads, reproduction, verify, export): current
 *   by construction, so only validated.
 * Either way a position beyond the store's head is refused with 409 (see MinPositionInterceptor).
 */
export type ReadSource = 'read-models' | 'event-log';

export const READ_SOURCE = 'credit-transfer:read-source';

/**
 * How far the read models have got, and waiting for them: provided by the read models'
 * module (@app/projections) where they are read; absent elsewhere.
 */
export interface ReadModelsFreshness {
  /** How long a read with minPosition waits at most (READ_MIN_POSITION_WAIT_MS). */
  readonly waitMs: number;
  /** The position answers report as `upToPosition`. */
  current(): Promise<number>;
  /** Waits at most `timeoutMs` until the read models have reached `position`: whether they did, and `upToPosition` then. */
  reach(position: number, timeoutMs: number): Promise<{ reached: boolean; upToPosition: number }>;
}

export const READ_MODELS_FRESHNESS = Symbol.for('credit-transfer.ReadModelsFreshness');

const DESCRIPTION: Record<ReadSource, string> = {
  'read-models':
    'Read your own write: the `position` a write answered. The read waits (at most READ_MIN_POSITION_WAIT_MS, default 5 s) until the read models ' +
    'have reached it, then answers; 503 with Retry-After if they have not in time; 409 if it is beyond the event store\'s head. ' +
    'Over Kafka (query service), reached means: the event at that position is applied, and with it every earlier event of its stream.',
  'event-log': 'Read your own write: the `position` a write answered. This read comes from the event log, current by construction; 409 if the position is beyond its head.',
};

/** Marks a read route: it accepts `minPosition` (documented in the OpenAPI) and answers from `source`. */
export function ReadAfterPosition(source: ReadSource): MethodDecorator {
  return applyDecorators(
    SetMetadata(READ_SOURCE, source),
    ApiQuery({ name: 'minPosition', required: false, schema: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER }, description: DESCRIPTION[source] }),
  );
}
