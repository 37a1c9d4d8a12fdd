import { refuse } from '@app/kernel';

/**
 * The source time of a command: when the fact happened, as opposed to when the store recorded it.
 *
 * A command's occurred-at comes from the fact's own date when its body carries one (a completion's
 * `completedOn`, an award's `issuedOn`...), else from the body's `occurredAt` where the command
 * accepts one, else it is the time the request arrived. Stored occurred-at values are always UTC
 * ISO-8601 with milliseconds (`2025-03-01T00:00:00.000Z`), so they compare as strings with the
 * as-of cut. A date (YYYY-MM-DD) means the start of that day, UTC; the calendar dates the
 * commands derive from an occurred-at (decidedOn, revokedOn...) are its UTC date.
 */

/** How far in the future a source time may lie: clocks of clients and servers disagree a little. */
export const OCCURRED_AT_MAX_SKEW_MS = 5 * 60_000;
/** Nothing this system records happened before this: an earlier time is a typo (0205 for 2025). */
export const OCCURRED_AT_EARLIEST = '1900-01-01T00:00:00.000Z';

/** `occurredAt` as the API accepts it: RFC 3339 date-time with seconds and an offset, or a date. */
export const OCCURRED_AT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2}))?$';
const OCCURRED_AT = new RegExp(OCCURRED_AT_PATTERN);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** JSON schema of the `occurredAt` body field (the format; range and calendar are checked by sourceTimeOf). */
export const OCCURRED_AT_SCHEMA = { type: 'string', maxLength: 35, pattern: OCCURRED_AT_PATTERN } as const;

export const OCCURRED_AT_DESCRIPTION =
  'When the fact happened, if not now (RFC 3339 date-time with an offset, or YYYY-MM-DD = the start of that day, UTC). ' +
  'At most 5 minutes in the future, not before 1900. Sets the events\' occurred-at (the as-of axis "occurred") and the dates derived from it.';

/**
 * An RFC 3339 date-time (with seconds and an offset) or a date, as a UTC instant with
 * milliseconds; null when it is neither or names no real calendar day or time of day.
 */
export function parseSourceTime(text: string): string | null {
  if (!OCCURRED_AT.test(text)) return null;
  const [y, m, d] = text.slice(0, 10).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return null;
  if (DATE_ONLY.test(text)) return day.toISOString();
  const [hh, mm, ss] = text.slice(11, 19).split(':').map(Number);
  if (hh > 23 || mm > 59 || ss > 59) return null;
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(text);
  if (offset && (Number(offset[2]) > 23 || Number(offset[3]) > 59)) return null;
  // Date parses at most milliseconds: cut a longer fraction (truncating, never rounding up a second).
  const time = new Date(text.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** A source time checked against the clock: a real instant, not in the future (beyond the skew), not before 1900. */
export function checkedSourceTime(text: string, pointer: string, now: Date): string {
  const at = parseSourceTime(text);
  if (at === null) {
    throw refuse.invalid('occurred-at-invalid', `${pointer.slice(1)} must be an RFC 3339 date-time with an offset or a date (YYYY-MM-DD), got "${text}"`, pointer);
  }
  if (Date.parse(at) > now.getTime() + OCCURRED_AT_MAX_SKEW_MS) {
    throw refuse.invalid('occurred-in-future', `${pointer.slice(1)} ${at} is in the future (now ${now.toISOString()}): record a fact once it has happened`, pointer);
  }
  if (at < OCCURRED_AT_EARLIEST) throw refuse.invalid('occurred-too-early', `${pointer.slice(1)} ${at} is before ${OCCURRED_AT_EARLIEST.slice(0, 10)}`, pointer);
  return at;
}

/** What a command's body says about when its fact happened. */
export interface SourceTimeInput {
  /** The body's `occurredAt`, if the command accepts one and the client sent it. */
  occurredAt?: string;
  /** The fact's own date field, if the command has one: its JSON pointer and value (undefined when optional and absent). */
  date?: { pointer: string; value: string | undefined };
}

export interface SourceTime {
  /** The events' occurred-at (UTC ISO-8601 with milliseconds); undefined: nothing given, the request's arrival time applies. */
  occurredAt?: string;
  /** The fact's date: the date field, else the UTC date of `occurredAt`; undefined when neither was given. */
  date?: string;
}

/**
 * The mapping from a command's body to its source time. A date field alone gives the start of
 * that day (UTC). `occurredAt` alone gives the instant, and its UTC date fills the date field.
 * Both: they must agree (the instant falls on that UTC day): `occurredAt` then adds the time of
 * day; a disagreement is a 400 naming `/occurredAt`. Both are checked against the clock.
 */
export function sourceTimeOf(input: SourceTimeInput, now: Date = new Date()): SourceTime {
  const dateValue = input.date?.value;
  const fromDate = dateValue === undefined || !input.date ? undefined : checkedSourceTime(dateValue, input.date.pointer, now);
  const given = input.occurredAt === undefined ? undefined : checkedSourceTime(input.occurredAt, '/occurredAt', now);
  if (given !== undefined && fromDate !== undefined && given.slice(0, 10) !== dateValue) {
    throw refuse.invalid(
      'occurred-at-disagrees',
      `occurredAt ${given} (UTC) is not on ${input.date?.pointer.slice(1)} ${dateValue}: send the same day, or only one of them`,
      '/occurredAt',
    );
  }
  const occurredAt = given ?? fromDate;
  return { occurredAt, date: dateValue ?? occurredAt?.slice(0, 10) };
}

/**
 * The command context at the fact's source time, and the fact's date (the date field, else the
 * UTC date of the source time or of the request's arrival). `sourceGiven`: the client named the
 * time (a date field or occurredAt), as opposed to the arrival time standing in for it.
 */
export function atSourceTime<C extends { occurredAt?: string }>(
  context: C,
  input: SourceTimeInput,
  now: Date = new Date(),
): { context: C; date: string; sourceGiven: boolean } {
  const source = sourceTimeOf(input, now);
  const at = source.occurredAt ?? context.occurredAt ?? now.toISOString();
  return { context: { ...context, occurredAt: at }, date: source.date ?? at.slice(0, 10), sourceGiven: source.occurredAt !== undefined };
}
