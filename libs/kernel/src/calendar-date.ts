const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The one date check of the API: `YYYY-MM-DD`, a day that exists in the proleptic Gregorian
 * calendar (no 2026-02-30, no 2025-02-29), year 0001 to 9999 (no year 0000).
 */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}
