/**
 * Exact comparison of credit amounts as the API writes them: "12", "7.5", "15/2", or an object
 * `{ exact, decimal }` (issue 13 asks for both everywhere). Scenario expectations are exact
 * rationals; a rounded decimal such as "0.6667" is not equal to "2/3".
 */
export type Amount = string | number | { exact: string };

interface Fraction {
  num: bigint;
  den: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

function fractionOf(text: string): Fraction | null {
  const t = text.trim();
  const ratio = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
  if (ratio) return reduce({ num: BigInt(ratio[1]), den: BigInt(ratio[2]) });
  const dec = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (!dec) return null;
  const decimals = dec[2] ?? '';
  return reduce({ num: BigInt(dec[1] + decimals), den: 10n ** BigInt(decimals.length) });
}

function reduce(f: Fraction): Fraction | null {
  if (f.den === 0n) return null;
  const g = gcd(f.num, f.den);
  return { num: f.num / g, den: f.den / g };
}

/** The exact text of an amount in either representation (undefined if it is neither). */
export function exactText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value !== null && typeof value === 'object' && 'exact' in value && typeof (value as { exact: unknown }).exact === 'string') return (value as { exact: string }).exact;
  return undefined;
}

/** True when both amounts denote the same rational number. */
export function sameAmount(actual: unknown, expected: Amount): boolean {
  const a = exactText(actual);
  const e = exactText(expected);
  if (a === undefined || e === undefined) return false;
  const fa = fractionOf(a);
  const fe = fractionOf(e);
  return fa !== null && fe !== null && fa.num === fe.num && fa.den === fe.den;
}

/** Sum of exact amounts, as a fraction text ("26/3", "12"). */
export function sumAmounts(values: Amount[]): string {
  let acc: Fraction = { num: 0n, den: 1n };
  for (const v of values) {
    const f = fractionOf(exactText(v) ?? 'x');
    if (!f) throw new Error(`not an exact amount: ${JSON.stringify(v)}`);
    acc = reduce({ num: acc.num * f.den + f.num * acc.den, den: acc.den * f.den }) ?? acc;
  }
  return acc.den === 1n ? String(acc.num) : `${acc.num}/${acc.den}`;
}
