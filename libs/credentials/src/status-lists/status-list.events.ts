import { DomainEvent, Json } from '@app/kernel';

/**
 * Stream `statuslist-<sha-256 of the list id, 40 hex>`: a status list credential (Bitstring Status
 * List) a registrar or the platform admin registered after it verified. A list whose bits changed
 * is registered again (a new digest); the latest registration answers.
 */
export type StatusListRegistered = DomainEvent<
  'StatusListRegistered',
  {
    listId: string;
    /** The list's own id and the URL it was registered under (what status entries point to). */
    urls: string[];
    credential: { [key: string]: Json };
    /** sha-256 (hex) of the list credential's canonical JSON. */
    digest: string;
    issuer: string | null;
    statusPurpose: string[];
    validFrom: string | null;
    validUntil: string | null;
    registeredBy: { institutionId: string; role: string };
    registeredAt: string;
  }
>;

export type StatusListEvent = StatusListRegistered;
export const STATUS_LIST_EVENT_TYPES = ['StatusListRegistered'] as const;

export const STATUS_LIST_STREAM_PREFIX = 'statuslist-';
