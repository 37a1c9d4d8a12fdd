/**
 * Exact rational numbers on bigint. Every credit amount, conversion factor and
 * fraction in the engine is a Rational, so no floating-point drift can flip a decision.
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

/** What callers may write for a rational: 2.5, "2.5", "4/3", "12". */
export type RationalInput = number | string;

/** How a rational is serialized in outputs: exact string plus a display decimal. */
export interface Quantity {
  exact: string;
  decimal: string;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('denominator is zero');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO: Rational = rational(0n);
export const ONE: Rational = rational(1n);

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const DECIMAL_FRACTION_ONLY = /^([+-]?)()\.(\d+)(?:[eE]([+-]?\d+))?$/;
const FRACTION = /^([+-]?\d+)\s*\/\s*(\d+)$/;

/** Parses "2.5", "4/3", "1e-3" or a number (via its shortest decimal text) exactly; null if malformed. */
export function tryParseRational(input: unknown): Rational | null {
  if (typeof input === 'bigint') return rational(input);
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    return tryParseRational(String(input));
  }
  if (typeof input !== 'string') return null;
  const text = input.trim();
  const frac = FRACTION.exec(text);
  if (frac) {
    const d = BigInt(frac[2]);
    return d === 0n ? null : rational(BigInt(frac[1]), d);
  }
  const m = DECIMAL.exec(text) ?? DECIMAL_FRACTION_ONLY.exec(text);
  if (!m) return null;
  const sign = m[1] === '-' ? -1n : 1n;
  const intPart = m[2] || '0';
  const fracPart = m[3] ?? '';
  const exp = m[4] ? Number(m[4]) : 0;
  if (Math.abs(exp) > 1000) return null;
  let n = BigInt(intPart + fracPart) * sign;
  let d = 10n ** BigInt(fracPart.length);
  if (exp > 0) n *= 10n ** BigInt(exp);
  if (exp < 0) d *= 10n ** BigInt(-exp);
  return rational(n, d);
}

const parsed = new Map<string | number, Rational>();

export function parseRational(input: unknown): Rational {
  if (typeof input === 'string' || typeof input === 'number') {
    const hit = parsed.get(input);
    if (hit) return hit;
  }
  const r = tryParseRational(input);
  if (r && (typeof input === 'string' || typeof input === 'number') && parsed.size < 10_000) parsed.set(input, r);
  if (!r) throw new RangeError(`not a rational number: ${JSON.stringify(input)}`);
  return r;
}

export const add = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rational(a.n * b.d, a.d * b.n);

/** -1, 0 or 1. */
export function cmp(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export const eq = (a: Rational, b: Rational): boolean => a.n === b.n && a.d === b.d;
export const gte = (a: Rational, b: Rational): boolean => cmp(a, b) >= 0;
export const lt = (a: Rational, b: Rational): boolean => cmp(a, b) < 0;
export const min = (a: Rational, b: Rational): Rational => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational): Rational => (cmp(a, b) >= 0 ? a : b);
export const isZero = (a: Rational): boolean => a.n === 0n;
export const fromInt = (n: number): Rational => rational(BigInt(n));

export function sum(values: readonly Rational[]): Rational {
  let acc = ZERO;
  for (const v of values) acc = add(acc, v);
  return acc;
}

/** "12", "-4/3". */
export function toExact(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}

/** Decimal for display, rounded half away from zero, trailing zeros trimmed. */
export function toDecimal(a: Rational, places = 2): string {
  if (a.d === 1n) return a.n.toString();
  const neg = a.n < 0n;
  const absN = neg ? -a.n : a.n;
  const scale = 10n ** BigInt(places);
  const scaled = (absN * scale * 2n + a.d) / (2n * a.d);
  const intPart = scaled / scale;
  const fracPart = (scaled % scale).toString().padStart(places, '0').replace(/0+$/, '');
  const body = fracPart ? `${intPart}.${fracPart}` : `${intPart}`;
  return neg && scaled !== 0n ? `-${body}` : body;
}

export function toQuantity(a: Rational): Quantity {
  return { exact: toExact(a), decimal: toDecimal(a) };
}
