/**
 * Canonical JSON: object keys sorted by code point, no whitespace, `undefined` members dropped
 * (as JSON.stringify drops them). Two values that are equal as JSON give the same text whatever
 * their key order, so a hash over it survives engines that reorder keys (PostgreSQL jsonb).
 * Written as a direct serializer: it runs for every event appended and every event verified.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value) ?? 'null';
}

function serialize(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((item) => serialize(item) ?? 'null').join(',')}]`;
      return serializeObject(value as Record<string, unknown>);
    case 'bigint':
      // JSON.stringify throws on bigint; dropping it silently would store a different fact.
      throw new TypeError('canonicalJson: bigint values are not JSON; send them as decimal strings');
    default:
      return undefined;
  }
}

function serializeObject(value: Record<string, unknown>): string {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return serialize((value as { toJSON: () => unknown }).toJSON()) ?? 'null';
  }
  const keys = Object.keys(value).sort();
  let out = '{';
  for (const key of keys) {
    const member = serialize(value[key]);
    if (member === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:${member}`;
  }
  return `${out}}`;
}
