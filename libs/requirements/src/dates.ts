/** Calendar dates as "YYYY-MM-DD" strings; compared as tuples, never via the clock. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

export function parseDate(text: unknown): CalendarDate | null {
  if (typeof text !== 'string') return null;
  const m = DATE.exec(text.slice(0, 10));
  if (!m) return null;
  const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (date.m < 1 || date.m > 12 || date.d < 1 || date.d > 31) return null;
  return date;
}

export const isValidDate = (text: unknown): boolean => parseDate(text) !== null;

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** True if `date` falls within `years` years before (or on/after) `reference`. */
export function withinYears(date: string, years: number, reference: string): boolean {
  const dt = parseDate(date);
  const ref = parseDate(reference);
  if (!dt || !ref) return false;
  const cutoff = { y: ref.y - years, m: ref.m, d: ref.d };
  return compareDates(dt, cutoff) >= 0;
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
