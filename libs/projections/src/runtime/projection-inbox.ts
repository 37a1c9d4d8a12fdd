import { EntityManager } from 'typeorm';
import { Inbox } from '@app/messaging';
import { InboxEntry } from '../read-model/entities';

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
