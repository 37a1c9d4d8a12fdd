import { DataSource } from 'typeorm';
import { EventStore } from '@app/event-store';
import type { ReadModelsFreshness } from '@app/platform';
import { InboxEntry } from '../read-model/entities';
import { ProjectionPosition } from '../read-model/read-model.tokens';
import { readCheckpoint } from './checkpoint';
import { maxInboxPosition } from './projection-inbox';
import { ReadModelProjector } from './read-model-projector';

const POLL_MS = 25;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Embedded (the projector runs in this process): the checkpoint is gap-free (every event up to
 * it is applied, in global order), so "reached P" is `checkpoint >= P`; waiting is the
 * projector's own waitFor, woken at each committed batch.
 */
export function embeddedFreshness(projector: ReadModelProjector, waitMs: number): ReadModelsFreshness {
  return {
    waitMs,
    current: () => Promise.resolve(projector.checkpoint),
    async reach(position, timeoutMs) {
      const reached = projector.checkpoint >= position || (await projector.waitFor(position, timeoutMs).then(() => true, () => false));
      return { reached, upToPosition: projector.checkpoint };
    },
  };
}

/**
 * Read models fed by another process or over Kafka (the query service; the audit service on
 * PostgreSQL). Their `upToPosition` (the highest position applied) is NOT gap-free: partitions
 * are consumed independently, so an event at a lower position, of another stream, may still be
 * on its way. So "reached P" is decided per event, not by comparing positions:
 * - a stored checkpoint >= P (written by an embedded projector or a rebuild, both gap-free); or
 * - the event at position P is in the inbox: it is applied, and with it every earlier event of
 *   its stream (a stream stays in order in one partition). That is read-your-own-write for the
 *   stream written; events of OTHER streams at lower positions are not covered (a client that
 *   wrote two streams passes the position of each write it depends on, one read per position,
 *   or reads the stream it wrote last);
 * - P is no event's position (a gap, which no write answers): the highest applied >= P.
 * Without the event store in this process, only the last rule applies.
 */
export function fedFreshness(db: DataSource, position: ProjectionPosition, store: EventStore | undefined, waitMs: number): ReadModelsFreshness {
  const eventIdAt = async (p: number): Promise<string | null> => {
    if (!store) return null;
    for await (const event of store.readAll({ after: p - 1, limit: 1, batchSize: 1 })) return event.position === p ? event.id : null;
    return null;
  };
  const reachedNow = async (p: number, eventId: string | null): Promise<boolean> => {
    if ((await readCheckpoint(db.manager)) >= p) return true;
    if (eventId !== null) return db.manager.exists(InboxEntry, { where: { eventId } });
    return (await maxInboxPosition(db.manager)) >= p;
  };
  return {
    waitMs,
    current: () => position.current(),
    async reach(p, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      const eventId = await eventIdAt(p);
      for (;;) {
        if (await reachedNow(p, eventId)) return { reached: true, upToPosition: await position.current() };
        if (Date.now() >= deadline) return { reached: false, upToPosition: await position.current() };
        await sleep(Math.min(POLL_MS, Math.max(1, deadline - Date.now())));
      }
    },
  };
}
