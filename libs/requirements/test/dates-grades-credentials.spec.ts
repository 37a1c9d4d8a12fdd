import { evaluateProgram, evaluateRecognition, HeldCredential, LearnerItem, meetsMinimum, parseRecognitionPolicy, Program, RecognitionPolicy } from '@app/requirements';
import { parseDate, withinYears } from '../src/dates';
import { filterMisses } from '../src/filters';

const item = (id: string, extra: Partial<LearnerItem> = {}): LearnerItem => ({ id, source: 'home', credits: 3, unit: 'ECTS', date: '2025-06-01', ...extra });
const ref = { referenceDate: '2026-06-01' };
const program = (requirements: Program['requirements'], extra: Partial<Program> = {}): Program => ({ id: 'p', version: '1', creditUnit: 'ECTS', totalCredits: 1, requirements, ...extra });

describe('strict dates', () => {
  it('given impossible dates, timestamps, offsets or trailing text, when parsed, then they are rejected; real dates (leap days too) are accepted', () => {
    for (const bad of ['2024-02-31', '2023-02-29', '2026-04-31', '2026-13-01', '2026-01-01T00:00:00Z', '2026-01-01+02:00', '2026-01-01junk', '2026-01-01\n', '26-01-01', 20260101]) expect(parseDate(bad)).toBeNull();
    expect(parseDate('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(parseDate('2026-12-31')).toEqual({ y: 2026, m: 12, d: 31 });
  });

  it('given an item or a reference date that is not a calendar date, when evaluated, then the evaluation fails with the path and the value', () => {
    const p = program({ id: 'root', count: 1 });
    expect(() => evaluateProgram(p, [item('i', { date: '2024-02-31' })], ref)).toThrow('/items/0/date: item "i": "2024-02-31" is not a calendar date (YYYY-MM-DD)');
    expect(() => evaluateProgram(p, [item('i')], { referenceDate: '2026-06-01T10:00:00Z' })).toThrow(/\/referenceDate: reference date: .* is not a calendar date/);
  });

  it('given evidence with a junk date, when recognized, then the evaluation fails naming the evidence', () => {
    const policy: RecognitionPolicy = { id: 'pol', version: '1', institutionId: 'i', programId: 'p', effectiveFrom: '2026-01-01', creditUnit: 'ECTS', acceptedIssuers: ['X'], unmatched: 'elective' } as unknown as RecognitionPolicy;
    const parsed = parseRecognitionPolicy(policy);
    const pol = parsed.ok ? parsed.policy : policy;
    expect(() => evaluateRecognition(pol, [{ id: 'e1', kind: 'course', issuer: 'X', code: 'C', credits: 1, unit: 'ECTS', date: '2026-01-01x' }], ref)).toThrow(/\/evidence\/0\/date/);
  });

  it('given an item dated after the reference date, when a recency filter applies, then it is not within N years and the reason says so', () => {
    expect(withinYears('2026-06-02', 5, '2026-06-01')).toBe(false);
    expect(withinYears('2026-06-01', 5, '2026-06-01')).toBe(true);
    expect(withinYears('2021-06-01', 5, '2026-06-01')).toBe(true);
    expect(withinYears('2021-05-31', 5, '2026-06-01')).toBe(false);
    const r = evaluateProgram(program({ id: 'root', count: 1, filter: { withinYears: 5 } }), [item('future', { date: '2027-01-01' })], ref);
    expect(r.requirementsSatisfied).toBe(false);
  });
});

describe('pass/fail grades against minimums', () => {
  it('given a pass, when the minimum is pass-fail, then it meets it; a fail never does', () => {
    expect(meetsMinimum('P', 'P')).toBe(true);
    expect(meetsMinimum({ scale: 'pass-fail', value: 'pass' }, { scale: 'pass-fail', value: 'P' })).toBe(true);
    expect(meetsMinimum({ scale: 'pass-fail', value: 'F' }, 'P')).toBe(false);
  });

  it('given a letter or percent grade, when the minimum is pass-fail, then a passing grade (D- / 60% or better) meets it and an F does not', () => {
    expect(meetsMinimum('D-', 'P')).toBe(true);
    expect(meetsMinimum(75, 'P')).toBe(true);
    expect(meetsMinimum('F', 'P')).toBe(false);
    expect(meetsMinimum(59, 'P')).toBe(false);
  });

  it('given a pass, when the minimum is a letter or a percent, then it does not meet it, whatever the letter, and the miss says why', () => {
    expect(meetsMinimum('P', 'D-')).toBe(false);
    expect(meetsMinimum('P', 'C')).toBe(false);
    expect(meetsMinimum('P', 50)).toBe(false);
    expect(filterMisses(item('i', { grade: 'P' }), { minGrade: 'C' }, '2026-06-01')[0].message).toBe('grade P is pass/fail and cannot show the minimum C');
  });
});

describe('held credentials for pathways', () => {
  const p = program({ id: 'root', count: 0 }, {
    residency: { standard: { months: 10 }, reducedPathways: [{ id: 'blended', requires: [{ credential: { code: 'MM', maxAgeYears: 3 } }], residency: { months: 5 } }] },
  });
  const outcome = (held: Partial<HeldCredential>) => evaluateProgram(p, [], { ...ref, credentialsHeld: [{ id: 'c1', code: 'MM', complete: true, ...held } as HeldCredential] }).residency.outcome;

  it('given a maximum age, when the credential has no issue date, is too old or is dated after the reference date, then the pathway does not apply', () => {
    expect(outcome({})).toBe('standard');
    expect(outcome({ awardedOn: '2022-01-01' })).toBe('standard');
    expect(outcome({ awardedOn: '2027-01-01' })).toBe('standard');
    expect(outcome({ awardedOn: '2024-01-01' })).toBe('reduced');
  });

  it('given a credential whose complete flag is truthy but not true (e.g. from loose JSON), when checked, then it is not complete', () => {
    expect(outcome({ awardedOn: '2024-01-01', complete: 'yes' as unknown as boolean })).toBe('standard');
    expect(outcome({ awardedOn: '2024-01-01', complete: 1 as unknown as boolean })).toBe('standard');
  });
});
