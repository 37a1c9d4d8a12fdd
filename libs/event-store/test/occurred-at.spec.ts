import { DomainError } from '@app/kernel';
import { atSourceTime, parseSourceTime, sourceTimeOf } from '../src';

const NOW = new Date('2026-12-07T13:10:00.000Z');

function refusal(run: () => unknown): { code: string; path: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, path: error.details?.path };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseSourceTime: RFC 3339 date-times and dates, as UTC instants with milliseconds', () => {
  it.each([
    ['2025-03-01', '2025-03-01T00:00:00.000Z'],
    ['2025-03-01T14:30:00Z', '2025-03-01T14:30:00.000Z'],
    ['2025-03-01T14:30:00.5Z', '2025-03-01T14:30:00.500Z'],
    ['2025-03-01T14:30:00.123456789Z', '2025-03-01T14:30:00.123Z'],
    ['2025-03-01T23:30:00-05:00', '2025-03-02T04:30:00.000Z'],
    ['2025-03-01T01:00:00+02:00', '2025-02-28T23:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('%s -> %s', (text, expected) => {
    expect(parseSourceTime(text)).toBe(expected);
  });

  it.each([
    '2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-03-01T24:00:00Z', '2025-03-01T12:60:00Z', '2025-03-01T12:00:60Z',
    '2025-03-01T12:00Z', '2025-03-01T12:00:00', '2025-03-01 12:00:00Z', '2025-03-01t12:00:00z', '2025-3-1', 'yesterday', '', '2025-03-01T12:00:00+25:00',
    '1741003200', '2025-03-01T12:00:00.Z',
  ])('refuses %j', (text) => {
    expect(parseSourceTime(text)).toBeNull();
  });
});

describe('sourceTimeOf: the mapping from a command body to its source time', () => {
  it('a date field alone: the start of that day, UTC, and the date itself', () => {
    expect(sourceTimeOf({ date: { pointer: '/completedOn', value: '2025-03-01' } }, NOW)).toEqual({ occurredAt: '2025-03-01T00:00:00.000Z', date: '2025-03-01' });
  });

  it('occurredAt alone: that instant, and its UTC date fills the date', () => {
    expect(sourceTimeOf({ occurredAt: '2026-12-01T22:15:00-05:00' }, NOW)).toEqual({ occurredAt: '2026-12-02T03:15:00.000Z', date: '2026-12-02' });
    expect(sourceTimeOf({ occurredAt: '2026-11-30', date: { pointer: '/issuedOn', value: undefined } }, NOW)).toEqual({ occurredAt: '2026-11-30T00:00:00.000Z', date: '2026-11-30' });
  });

  it('both, agreeing: occurredAt adds the time of day', () => {
    expect(sourceTimeOf({ occurredAt: '2025-03-01T16:45:00Z', date: { pointer: '/completedOn', value: '2025-03-01' } }, NOW)).toEqual({
      occurredAt: '2025-03-01T16:45:00.000Z',
      date: '2025-03-01',
    });
  });

  it('both, disagreeing (also by the offset moving the UTC day): 400 naming /occurredAt', () => {
    expect(refusal(() => sourceTimeOf({ occurredAt: '2025-03-02', date: { pointer: '/completedOn', value: '2025-03-01' } }, NOW))).toEqual({ code: 'occurred-at-disagrees', path: '/occurredAt' });
    expect(refusal(() => sourceTimeOf({ occurredAt: '2025-03-01T23:30:00-05:00', date: { pointer: '/completedOn', value: '2025-03-01' } }, NOW))).toEqual({
      code: 'occurred-at-disagrees',
      path: '/occurredAt',
    });
  });

  it('neither: nothing, the arrival time applies', () => {
    expect(sourceTimeOf({}, NOW)).toEqual({ occurredAt: undefined, date: undefined });
  });

  it('in the future beyond 5 minutes of skew: refused, naming the field that carried it', () => {
    expect(sourceTimeOf({ occurredAt: '2026-12-07T13:14:59Z' }, NOW).occurredAt).toBe('2026-12-07T13:14:59.000Z');
    expect(refusal(() => sourceTimeOf({ occurredAt: '2026-12-07T13:15:01Z' }, NOW))).toEqual({ code: 'occurred-in-future', path: '/occurredAt' });
    expect(refusal(() => sourceTimeOf({ date: { pointer: '/completedOn', value: '2026-12-08' } }, NOW))).toEqual({ code: 'occurred-in-future', path: '/completedOn' });
    // Today is not in the future: its start has passed.
    expect(sourceTimeOf({ date: { pointer: '/completedOn', value: '2026-12-07' } }, NOW).occurredAt).toBe('2026-12-07T00:00:00.000Z');
  });

  it('before 1900 or not a real time: refused', () => {
    expect(refusal(() => sourceTimeOf({ occurredAt: '0205-03-01' }, NOW))).toEqual({ code: 'occurred-too-early', path: '/occurredAt' });
    expect(refusal(() => sourceTimeOf({ date: { pointer: '/issuedOn', value: '1899-12-31' } }, NOW))).toEqual({ code: 'occurred-too-early', path: '/issuedOn' });
    expect(sourceTimeOf({ occurredAt: '1900-01-01' }, NOW).occurredAt).toBe('1900-01-01T00:00:00.000Z');
    expect(refusal(() => sourceTimeOf({ occurredAt: '2025-02-29' }, NOW))).toEqual({ code: 'occurred-at-invalid', path: '/occurredAt' });
  });
});

describe('atSourceTime: the command context at the source time', () => {
  const arrival = { actor: { institutionId: 'mitx', role: 'issuer' }, correlationId: 'c', occurredAt: '2026-12-07T13:09:59.000Z' };

  it('keeps the arrival time (and its date) when the body names no time', () => {
    expect(atSourceTime(arrival, {}, NOW)).toEqual({ context: arrival, date: '2026-12-07', sourceGiven: false });
  });

  it('replaces it with the source time, and says the client chose it', () => {
    const at = atSourceTime(arrival, { date: { pointer: '/completedOn', value: '2025-03-01' } }, NOW);
    expect(at).toEqual({ context: { ...arrival, occurredAt: '2025-03-01T00:00:00.000Z' }, date: '2025-03-01', sourceGiven: true });
    expect(arrival.occurredAt).toBe('2026-12-07T13:09:59.000Z');
  });
});
