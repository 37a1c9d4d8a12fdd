import { RecordedEvent } from '@app/event-store';

/**
 * Which events an export carries; every criterion given must hold (AND).
 * - stream: exactly this stream; category: streams named `<category>-…` (the prefix before the
 *   first dash, as the projectors read it);
 * - types: any of these event types;
 * - fromPosition / toPosition: global positions, both inclusive;
 * - since / until: recordedAt (store time), since inclusive, until exclusive (ISO-8601).
 */
export interface ExportFilter {
  stream?: string;
  category?: string;
  types?: string[];
  fromPosition?: number;
  toPosition?: number;
  since?: string;
  until?: string;
}

/** A predicate for the criteria readAll's position range does not already apply. */
export function exportPredicate(filter: ExportFilter): (event: RecordedEvent) => boolean {
  const types = filter.types && filter.types.length > 0 ? new Set(filter.types) : null;
  const categoryPrefix = filter.category === undefined ? null : `${filter.category}-`;
  const since = filter.since === undefined ? null : Date.parse(filter.since);
  const until = filter.until === undefined ? null : Date.parse(filter.until);
  return (event) => {
    if (filter.stream !== undefined && event.stream !== filter.stream) return false;
    if (categoryPrefix !== null && !event.stream.startsWith(categoryPrefix)) return false;
    if (types !== null && !types.has(event.type)) return false;
    if (filter.fromPosition !== undefined && event.position < filter.fromPosition) return false;
    if (filter.toPosition !== undefined && event.position > filter.toPosition) return false;
    if (since !== null || until !== null) {
      const recorded = Date.parse(event.recordedAt);
      if (since !== null && recorded < since) return false;
      if (until !== null && recorded >= until) return false;
    }
    return true;
  };
}
