import { JsonValue } from './event-envelope';

/**
 * Canonical JSON: object keys sorted by code point, no whitespace, `undefined` members dropped.
 * Two values that are equal as JSON give the same text whatever their key order, so a hash over
 * it survives storage engines that reorder keys (PostgreSQL jsonb).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): JsonValue | undefined {
  if (value === null || typeof value !== 'object') {
    return value as JsonValue | undefined;
  }
  if (Array.isArray(value)) {
    return value.map((item) => sortKeys(item) ?? null);
  }
  const sorted: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(value).sort()) {
    const member = sortKeys((value as Record<string, unknown>)[key]);
    if (member !== undefined) sorted[key] = member;
  }
  return sorted;
}
