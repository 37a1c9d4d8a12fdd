import { EntityManager, In } from 'typeorm';
import { RecordedEvent } from '@app/event-store';
import { Inbox } from '@app/messaging';
import { InboxEntry } from '../read-model/entities';

/** Ids per inbox query (2 bound parameters per row stay far below SQLite's and PostgreSQL's limits). */
const INBOX_CHUNK = 400;

/**
 * The inbox of a Kafka-fed projector, in the read-model database: used inside the read-model
 * transaction, so the event's effect and its inbox row commit together (both or neither).
 */
export class ReadModelInbox implements Inbox {
  constructor(private readonly manager: EntityManager) {}

  async seen(eventId: string): Promise<boolean> {
    return this.manager.exists(InboxEntry, { where: { eventId } });
  }

  async record(eventId: string, position = -1): Promise<void> {
    await this.manager.upsert(InboxEntry, { eventId, position }, { conflictPaths: ['eventId'], skipUpdateIfNoValuesChanged: true });
  }

  /** Which of these event ids were already applied (one query per INBOX_CHUNK ids). */
  async seenAmong(eventIds: readonly string[]): Promise<Set<string>> {
    const seen = new Set<string>();
    for (let i = 0; i < eventIds.length; i += INBOX_CHUNK) {
      const rows = await this.manager.find(InboxEntry, { select: { eventId: true }, where: { eventId: In(eventIds.slice(i, i + INBOX_CHUNK)) } });
      for (const row of rows) seen.add(row.eventId);
    }
    return seen;
  }

  /** Marks the events applied (one statement per INBOX_CHUNK events; ids already there are left as they are). */
  async recordAll(events: readonly RecordedEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += INBOX_CHUNK) {
      const rows = events.slice(i, i + INBOX_CHUNK).map((e) => ({ eventId: e.id, position: e.position }));
      await this.manager.upsert(InboxEntry, rows, { conflictPaths: ['eventId'], skipUpdateIfNoValuesChanged: true });
    }
  }
}

/**
 * The highest global position in the inbox: how far the read models reflect the store when fed
 * over Kafka. NOT gap-free: partitions are consumed independently, so events at lower positions
 * (of other keys) may still be on their way.
 */
export async function maxInboxPosition(manager: EntityManager): Promise<number> {
  const row = await manager.createQueryBuilder(InboxEntry, 'inbox').select('MAX(inbox.position)', 'max').getRawOne<{ max: string | number | null }>();
  return row?.max === null || row?.max === undefined ? -1 : Number(row.max);
}
