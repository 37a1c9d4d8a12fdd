import { Rational, RationalInput, div, mul, parseRational, rational, toExact } from './rational';

/** Credit units the engine knows; a policy may add its own via a conversion table. */
export const CREDIT_UNITS = ['ECTS', 'US_SEMESTER', 'US_QUARTER', 'UK_CATS'] as const;
export type KnownCreditUnit = (typeof CREDIT_UNITS)[number];
export type CreditUnit = string;

/** Value of one credit of each unit, in ECTS (DOMAIN.md default table). */
export type ConversionTable = Readonly<Record<string, RationalInput>>;

export const DEFAULT_CONVERSION_TABLE: ConversionTable = Object.freeze({
  ECTS: '1',
  US_SEMESTER: '2',
  US_QUARTER: '4/3',
  UK_CATS: '1/2',
});

export const DEFAULT_CONVERSION_TABLE_ID = 'default-ects-2026';

/** A compiled conversion table: ECTS value per unit as rationals. */
export type CompiledConversion = ReadonlyMap<string, Rational>;

export function compileConversion(overrides?: ConversionTable): CompiledConversion {
  const table = new Map<string, Rational>();
  for (const [unit, v] of Object.entries(DEFAULT_CONVERSION_TABLE)) table.set(unit, parseRational(v));
  for (const [unit, v] of Object.entries(overrides ?? {})) table.set(unit, parseRational(v));
  return table;
}

export class UnknownCreditUnitError extends Error {
  constructor(readonly unit: string) {
    super(`unknown credit unit "${unit}"`);
  }
}

export function hasUnit(table: CompiledConversion, unit: string): boolean {
  return table.has(unit);
}

/** Converts an amount between units exactly: amount * ects(from) / ects(to). */
export function convertCredits(amount: Rational, from: string, to: string, table: CompiledConversion): Rational {
  if (from === to) return amount;
  const f = table.get(from);
  const t = table.get(to);
  if (!f) throw new UnknownCreditUnitError(from);
  if (!t) throw new UnknownCreditUnitError(to);
  return div(mul(amount, f), t);
}

/** The table as plain JSON (exact strings), sorted by unit, for recording in outputs. */
export function conversionTableJson(table: CompiledConversion): Record<string, string> {
  const out: Record<string, string> = {};
  for (const unit of [...table.keys()].sort()) out[unit] = toExact(table.get(unit) ?? rational(0n));
  return out;
}
