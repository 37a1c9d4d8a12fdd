import { parseArgs, ParseArgsConfig } from 'node:util';
import { UsageError } from './audit-command';

type Options = NonNullable<ParseArgsConfig['options']>;
export type ParsedOptions = Record<string, string | string[] | boolean | undefined>;

/** Parses `--name value` / `--name=value` options strictly: unknown options and stray arguments are usage errors. */
export function parseOptions(args: string[], options: Options): ParsedOptions {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as ParsedOptions;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node's parseArgs messages may carry the error class and code, and a hint about positionals.
    throw new UsageError(message.split('\n')[0].replace(/^\w*Error \[[A-Z_]+\]: /, '').replace(/\. To specify a positional.*$/, ''));
  }
}

/** A non-negative integer option, or undefined when absent. */
export function integerOption(values: ParsedOptions, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) throw new UsageError(`--${name} must be a non-negative integer, got "${String(raw)}"`);
  return Number(raw);
}

/** An ISO-8601 date-time (or date) option, normalised to ISO UTC, or undefined when absent. */
export function instantOption(values: ParsedOptions, name: string): string | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const ok = typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(raw);
  const time = ok ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(time)) throw new UsageError(`--${name} must be an ISO-8601 date or date-time with an offset (e.g. 2026-05-01T00:00:00Z), got "${String(raw)}"`);
  return new Date(time).toISOString();
}

export function stringOption(values: ParsedOptions, name: string): string | undefined {
  const raw = values[name];
  return typeof raw === 'string' ? raw : undefined;
}
