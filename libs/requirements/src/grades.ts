import { Rational, cmp, parseRational, tryParseRational } from './rational';

/** A grade as recorded: a percent (85, "85.5"), a letter ("B+"), or pass/fail. */
export type GradeInput =
  | number
  | string
  | { scale: 'percent'; value: number | string }
  | { scale: 'letter'; value: string }
  | { scale: 'pass-fail'; value: 'P' | 'F' | 'pass' | 'fail' };

/** Letter grade -> lowest percent that earns it (a common US table; overridable). */
export const DEFAULT_LETTER_TABLE: Readonly<Record<string, string>> = Object.freeze({
  'A+': '97', A: '93', 'A-': '90',
  'B+': '87', B: '83', 'B-': '80',
  'C+': '77', C: '73', 'C-': '70',
  'D+': '67', D: '63', 'D-': '60',
  F: '0',
});

/** Percent recorded for a pass (display/ordering only: a pass never meets a letter or percent minimum). */
const PASS_PERCENT = '60';

export interface NormalizedGrade {
  percent: Rational;
  display: string;
  pass: boolean | null;
}

/** Maps any grade to a percent-equivalent so grades on different scales compare; null if unreadable. */
const cache = new Map<string | number, NormalizedGrade | null>();

export function normalizeGrade(
  grade: GradeInput | undefined,
  letterTable: Readonly<Record<string, string>> = DEFAULT_LETTER_TABLE,
): NormalizedGrade | null {
  if (grade === undefined || grade === null) return null;
  if (letterTable === DEFAULT_LETTER_TABLE && (typeof grade === 'string' || typeof grade === 'number')) {
    const hit = cache.get(grade);
    if (hit !== undefined) return hit;
    const value = normalizeUncached(grade, letterTable);
    if (cache.size < 10_000) cache.set(grade, value);
    return value;
  }
  return normalizeUncached(grade, letterTable);
}

function normalizeUncached(grade: GradeInput, letterTable: Readonly<Record<string, string>>): NormalizedGrade | null {
  if (typeof grade === 'number') return percent(grade);
  if (typeof grade === 'string') {
    const p = tryParseRational(grade.replace(/%$/, ''));
    if (p) return { percent: p, display: grade, pass: null };
    const upper = grade.trim().toUpperCase();
    if (upper === 'P' || upper === 'PASS') return { percent: parseRational(PASS_PERCENT), display: 'P', pass: true };
    return letter(upper, letterTable);
  }
  switch (grade.scale) {
    case 'percent':
      return percent(grade.value);
    case 'letter':
      return letter(grade.value.trim().toUpperCase(), letterTable);
    case 'pass-fail': {
      const pass = grade.value === 'P' || grade.value === 'pass';
      return { percent: parseRational(pass ? PASS_PERCENT : '0'), display: pass ? 'P' : 'F', pass };
    }
    default:
      return null;
  }
}

function percent(value: number | string): NormalizedGrade | null {
  const p = tryParseRational(value);
  return p ? { percent: p, display: `${value}%`, pass: null } : null;
}

function letter(value: string, table: Readonly<Record<string, string>>): NormalizedGrade | null {
  const p = table[value];
  return p === undefined ? null : { percent: parseRational(p), display: value, pass: null };
}

export function isValidGrade(grade: unknown, letterTable?: Readonly<Record<string, string>>): boolean {
  return normalizeGrade(grade as GradeInput, letterTable) !== null;
}

/**
 * True when `grade` meets `minimum`. A missing or failing grade never meets a minimum. Against a
 * pass-fail minimum, a pass meets it, and so does a letter or percent grade at or above the lowest
 * passing letter of the table (D-, 60%, by default). Against a letter or percent minimum, a pass/fail
 * result does not meet it: a pass carries no level to compare (the miss says so; a registrar can substitute).
 */
export function meetsMinimum(
  grade: GradeInput | undefined,
  minimum: GradeInput,
  letterTable: Readonly<Record<string, string>> = DEFAULT_LETTER_TABLE,
): boolean {
  const g = normalizeGrade(grade, letterTable);
  const m = normalizeGrade(minimum, letterTable);
  if (!g || !m || g.pass === false) return false;
  if (m.pass === false) return true;
  if (m.pass === true) return g.pass === true || cmp(g.percent, lowestPassing(letterTable)) >= 0;
  return g.pass === null && cmp(g.percent, m.percent) >= 0;
}

/** Why `grade` does not meet `minimum`, in words (for a grade that fails `meetsMinimum`). */
export function minimumMiss(grade: GradeInput | undefined, minimum: GradeInput, letterTable?: Readonly<Record<string, string>>): string {
  const g = normalizeGrade(grade, letterTable);
  const m = normalizeGrade(minimum, letterTable);
  if (g?.pass === true && m && m.pass === null) return `grade ${describeGrade(grade)} is pass/fail and cannot show the minimum ${describeGrade(minimum)}`;
  return `grade ${describeGrade(grade)} is below the minimum ${describeGrade(minimum)}`;
}

/** The lowest percent that earns a passing (non-zero) letter in the table. */
function lowestPassing(table: Readonly<Record<string, string>>): Rational {
  let low: Rational | null = null;
  for (const v of Object.values(table)) {
    const p = parseRational(v);
    if (p.n > 0n && (low === null || cmp(p, low) < 0)) low = p;
  }
  return low ?? parseRational(PASS_PERCENT);
}

export function describeGrade(grade: GradeInput | undefined): string {
  if (grade === undefined) return 'no grade';
  return normalizeGrade(grade)?.display ?? JSON.stringify(grade);
}
