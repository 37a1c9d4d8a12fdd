import { JsonObject } from '@app/event-store';

export type HistorySubjectKind = 'learner' | 'request' | 'institution';

export interface HistoryFilter {
  types?: string[];
  /** Cursor: entries after this global position. */
  after?: number;
  limit?: number;
  recordedFrom?: string;
  recordedTo?: string;
  occurredFrom?: string;
  occurredTo?: string;
}

export interface HistoryEntry {
  position: number;
  eventId: string;
  stream: string;
  revision: number;
  type: string;
  /** When it happened at the source. */
  occurredAt: string;
  /** When the system learned it. */
  recordedAt: string;
  /** Who: the institution and role that caused it (null for system events). */
  actor: { institutionId: string; role: string } | null;
  data: JsonObject;
}

export interface HistoryPage {
  subject: { kind: HistorySubjectKind; id: string };
  /**
   * The global position the history index reflected when the page was read: every event up to it
   * that concerns the subject (and is in the caller's scope) is listed or on a later page. Embedded:
   * gap-free; read models fed over Kafka: the highest position applied, not gap-free.
   */
  upToPosition: number;
  entries: HistoryEntry[];
  /** Pass as `after` for the next page; null when this is the last page. */
  nextAfter: number | null;
}
