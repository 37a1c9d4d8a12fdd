/**
 * Canonical JSON: object keys sorted by UTF-16 code units (Array.prototype.sort), no whitespace,
 * `undefined` members dropped (as JSON.stringify drops them). Two values that are equal as JSON
 * give the same text whatever their key order, so a hash over it survives engines that reorder
 * keys (PostgreSQL jsonb). Written as a direct serializer: it runs for every event appended and
 * every event verified. The output is exactly JSON.stringify's for the same value with its keys
 * sorted (the test suite checks this against a reference implementation).
 */
export function canonicalJson(value: unknown): string {
  return serialize(value) ?? 'null';
}

/** A string as a JSON string literal: JSON.stringify's output, without its cost when nothing needs escaping. */
export function jsonString(value: string): string {
  // Quotes, backslashes and control characters are escaped; JSON.stringify also escapes lone
  // surrogates, so any surrogate takes the slow path.
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function serialize(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      // String(n) is JSON.stringify(n) for finite numbers (both print -0 as 0).
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return serializeArray(value);
      return serializeObject(value as Record<string, unknown>);
    case 'bigint':
      // JSON.stringify throws on bigint; dropping it silently would store a different fact.
      throw new TypeError('canonicalJson: bigint values are not JSON; send them as decimal strings');
    default:
      return undefined;
  }
}

function serializeArray(value: unknown[]): string {
  let out = '[';
  for (let i = 0; i < value.length; i += 1) {
    if (i > 0) out += ',';
    out += serialize(value[i]) ?? 'null';
  }
  return `${out}]`;
}

function serializeObject(value: Record<string, unknown>): string {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return serialize((value as { toJSON: () => unknown }).toJSON()) ?? 'null';
  }
  const keys = Object.keys(value);
  sortKeys(keys);
  let out = '{';
  for (const key of keys) {
    const member = serialize(value[key]);
    if (member === undefined) continue;
    if (out.length > 1) out += ',';
    out += memberPrefix(key) + member;
  }
  return `${out}}`;
}

/**
 * Sorts member names in place by UTF-16 code units, as Array.prototype.sort() does: insertion
 * sort for the usual handful of names (no work when already sorted), the built-in sort beyond.
 */
function sortKeys(keys: string[]): void {
  if (keys.length > 32) {
    keys.sort();
    return;
  }
  for (let i = 1; i < keys.length; i += 1) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j -= 1;
    }
    keys[j + 1] = key;
  }
}

/**
 * `"key":` for a member name. Event types reuse a small set of names, so the quoted forms of
 * short names are kept (bounded: at most PREFIX_LIMIT names of at most 64 characters).
 */
const prefixes = new Map<string, string>();
const PREFIX_LIMIT = 4096;

function memberPrefix(key: string): string {
  const known = prefixes.get(key);
  if (known !== undefined) return known;
  const prefix = `${jsonString(key)}:`;
  if (key.length <= 64 && prefixes.size < PREFIX_LIMIT) prefixes.set(key, prefix);
  return prefix;
}
