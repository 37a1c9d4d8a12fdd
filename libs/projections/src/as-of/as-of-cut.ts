import { RecordedEvent } from '@app/event-store';

/**
 * Where history is cut for an as-of answer. Two time axes:
 * - `recorded` (default): what the system knew at T — every event recorded at or before T, i.e.
 *   up to a global position (given directly, or the last position recorded at or before T);
 * - `occurred`: what was true at T as far as the system knows now — every event that happened at
 *   or before T, including facts recorded later (a completion reported late).
 */
export type AsOfCut = { axis: 'recorded'; position: number; at: string | null } | { axis: 'occurred'; at: string };

export function includes(cut: AsOfCut, event: Pick<RecordedEvent, 'position' | 'occurredAt'>): boolean {
  return cut.axis === 'recorded' ? event.position <= cut.position : event.occurredAt <= cut.at;
}

const POSITION = /^\d{1,15}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export type AsOfInput = { kind: 'position'; position: number } | { kind: 'time'; at: string };

/** `asOf` as given: a global position ("1234") or a time (RFC 3339, or a date = the end of that day, UTC); null if neither. */
export function parseAsOf(asOf: string): AsOfInput | null {
  if (POSITION.test(asOf)) return { kind: 'position', position: Number(asOf) };
  const at = parseInstant(asOf, 'end-of-day');
  return at === null ? null : { kind: 'time', at };
}

/**
 * An instant as ISO-8601 UTC (comparable with stored recorded-at / occurred-at), from RFC 3339 or
 * a date (its first or last millisecond, UTC); null for anything else, impossible dates included.
 */
export function parseInstant(text: string, dateMeans: 'start-of-day' | 'end-of-day'): string | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const full = DATE_ONLY.test(text) ? `${text}${dateMeans === 'end-of-day' ? 'T23:59:59.999Z' : 'T00:00:00.000Z'}` : text;
  const time = new Date(full);
  if (Number.isNaN(time.getTime())) return null;
  // A real calendar date (no 2026-02-30 rolled into March); an offset may move the UTC day by one.
  const [y, m, d] = text.slice(0, 10).split('-').map(Number);
  const calendar = new Date(Date.UTC(y, m - 1, d));
  if (calendar.getUTCFullYear() !== y || calendar.getUTCMonth() !== m - 1 || calendar.getUTCDate() !== d) return null;
  return time.toISOString();
}

/** The reference date of an as-of answer: the day of the cut. */
export function cutDate(cut: AsOfCut, positionRecordedAt: string | null): string {
  if (cut.axis === 'occurred') return cut.at.slice(0, 10);
  return (cut.at ?? positionRecordedAt ?? new Date().toISOString()).slice(0, 10);
}
