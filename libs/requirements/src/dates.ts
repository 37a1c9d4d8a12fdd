/** Calendar dates as "YYYY-MM-DD" strings; compared as tuples, never via the clock. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

/** Parsed dates by text: an evaluation compares the same few dates thousands of times. */
const parsed = new Map<string, Readonly<CalendarDate> | null>();
const PARSED_CAPACITY = 10_000;

/** Strict: exactly "YYYY-MM-DD" and a real calendar date (no time, offset or trailing text; no 2024-02-31). */
export function parseDate(text: unknown): Readonly<CalendarDate> | null {
  if (typeof text !== 'string') return null;
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const result = parseDateUncached(text);
  if (parsed.size >= PARSED_CAPACITY) parsed.clear();
  parsed.set(text, result);
  return result;
}

function parseDateUncached(text: string): Readonly<CalendarDate> | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (date.m < 1 || date.m > 12 || date.d < 1 || date.d > daysInMonth(date.y, date.m)) return null;
  return Object.freeze(date);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Why `text` is not accepted as a date, or null when it is. */
export function dateError(text: unknown): string | null {
  return parseDate(text) ? null : `${JSON.stringify(text)} is not a calendar date (YYYY-MM-DD)`;
}

export const isValidDate = (text: unknown): boolean => parseDate(text) !== null;

export function compareDates(a: Readonly<CalendarDate>, b: Readonly<CalendarDate>): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/**
 * True if `date` falls within `years` years before `reference`, inclusive: on or after the same day
 * `years` years earlier, and not after `reference` (an item dated after the reference date is not
 * "within N years" of it). Feb 29 minus whole years becomes Feb 28 when needed.
 */
export function withinYears(date: string, years: number, reference: string): boolean {
  const dt = parseDate(date);
  const ref = parseDate(reference);
  if (!dt || !ref) return false;
  const y = ref.y - years;
  const cutoff = { y, m: ref.m, d: Math.min(ref.d, daysInMonth(y, ref.m)) };
  return compareDates(dt, cutoff) >= 0 && compareDates(dt, ref) <= 0;
}

/** Whole years elapsed from `date` to `reference`. */
export function yearsBetween(date: string, reference: string): number {
  const dt = parseDate(date);
  const ref = parseDate(reference);
  if (!dt || !ref) return 0;
  let years = ref.y - dt.y;
  if (ref.m < dt.m || (ref.m === dt.m && ref.d < dt.d)) years -= 1;
  return years;
}

export function onOrBefore(a: string, b: string): boolean {
  const x = parseDate(a);
  const y = parseDate(b);
  return !!x && !!y && compareDates(x, y) <= 0;
}
