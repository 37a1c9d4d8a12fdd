import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, RecordedEvent } from '@app/event-store';
import { RegisteredStatusList, StatusListDirectory } from '../verification/trust.ports';
import { isObject } from '../verification/verification.report';
import { STATUS_LIST_EVENT_TYPES } from './status-list.events';

/**
 * The StatusListDirectory over the event store: an index of the registered lists by every URL they
 * answer for, caught up from the store (only StatusListRegistered events, after the last seen
 * position) on each lookup, so a list registered by another process is found too.
 */
@Injectable()
export class StoreStatusListDirectory implements StatusListDirectory {
  private readonly byUrl = new Map<string, RegisteredStatusList>();
  private readonly byId = new Map<string, RegisteredStatusList>();
  private position = -1;
  private catchingUp: Promise<void> | null = null;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async find(url: string): Promise<RegisteredStatusList | null> {
    await this.catchUp();
    return this.byUrl.get(url) ?? null;
  }

  /** Every registered list (its latest registration), by id. */
  async all(): Promise<RegisteredStatusList[]> {
    await this.catchUp();
    return [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  private catchUp(): Promise<void> {
    this.catchingUp ??= this.read().finally(() => (this.catchingUp = null));
    return this.catchingUp;
  }

  private async read(): Promise<void> {
    for await (const event of this.store.readAll({ after: this.position, types: STATUS_LIST_EVENT_TYPES })) {
      this.position = event.position;
      const list = decodeRegistered(event);
      if (!list) continue;
      this.byId.set(list.id, list);
      for (const url of list.urls) this.byUrl.set(url, list);
    }
  }
}

/** The store boundary: a StatusListRegistered event's data as the port's RegisteredStatusList. */
export function decodeRegistered(event: RecordedEvent): RegisteredStatusList | null {
  const data: unknown = event.data;
  if (!isObject(data) || typeof data.listId !== 'string' || !Array.isArray(data.urls) || !isObject(data.credential) || typeof data.digest !== 'string') return null;
  return {
    id: data.listId,
    urls: data.urls.filter((u): u is string => typeof u === 'string'),
    credential: data.credential,
    digest: data.digest,
    registeredAt: typeof data.registeredAt === 'string' ? data.registeredAt : event.recordedAt,
    validFrom: typeof data.validFrom === 'string' ? data.validFrom : null,
    validUntil: typeof data.validUntil === 'string' ? data.validUntil : null,
  };
}
