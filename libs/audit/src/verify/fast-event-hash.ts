import { hash as sha } from 'node:crypto';
import { HashedContent, hashEvent } from '@app/event-store';

/**
 * hashEvent, faster. hashEvent hashes the canonical JSON text of the content (keys sorted at
 * every level); the engine's JSON.stringify writes exactly that text (same string escaping, same
 * numbers, same dropped undefined members) when the keys are in sorted order, natively. So: put
 * data and metadata in canonical key order (as read from SQLite they already are: no copy; from
 * PostgreSQL's jsonb, which reorders keys, a sorted copy), then one JSON.stringify of the
 * envelope written with its keys in canonical order. What JSON.stringify cannot order (keys that
 * look like array indexes, which JS always enumerates first), toJSON, bigint, or odd field types
 * take hashEvent itself. Equality with hashEvent is property-tested (fast-event-hash.spec.ts).
 */
export function fastHashEvent(c: HashedContent): string {
  if (!plainEnvelope(c)) return hashEvent(c);
  const data = canonicalForm(c.data);
  const metadata = data === EXACT ? EXACT : canonicalForm(c.metadata);
  if (data === EXACT || metadata === EXACT) return hashEvent(c);
  const text = JSON.stringify({
    data,
    id: c.id,
    metadata,
    occurredAt: c.occurredAt,
    previousHash: c.previousHash,
    recordedAt: c.recordedAt,
    revision: c.revision,
    schemaVersion: c.schemaVersion,
    stream: c.stream,
    type: c.type,
  });
  return sha('sha256', text, 'hex');
}

/** "Take the exact path": a value whose canonical text JSON.stringify cannot be trusted to write. */
const EXACT = Symbol('exact');
const INDEX_LIKE = /^(0|[1-9]\d{0,9})$/;

function plainEnvelope(c: HashedContent): boolean {
  return (
    typeof c.id === 'string' && typeof c.stream === 'string' && typeof c.type === 'string' &&
    typeof c.occurredAt === 'string' && typeof c.recordedAt === 'string' &&
    (c.previousHash === null || typeof c.previousHash === 'string') &&
    typeof c.revision === 'number' && typeof c.schemaVersion === 'number'
  );
}

/** `value` itself when its keys are in code-unit order everywhere, else a copy that is; EXACT when no order will do. */
function canonicalForm(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return typeof value === 'bigint' ? EXACT : value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i += 1) {
      const item = canonicalForm(value[i]);
      if (item === EXACT) return EXACT;
      if (item !== value[i]) (copy ??= value.slice())[i] = item;
    }
    return copy ?? value;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return EXACT;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let sorted = true;
  let forms: unknown[] | null = null;
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i];
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57 && INDEX_LIKE.test(key)) return EXACT;
    if (i > 0 && !(keys[i - 1] < key)) sorted = false;
    const form = canonicalForm(record[key]);
    if (form === EXACT) return EXACT;
    if (form !== record[key]) (forms ??= keys.map((k) => record[k]))[i] = form;
  }
  if (sorted && forms === null) return value;
  const values = forms ?? keys.map((k) => record[k]);
  const order = keys.map((_, i) => i);
  if (!sorted) order.sort((a, b) => (keys[a] < keys[b] ? -1 : 1));
  // No prototype: a "__proto__" key stays an own property, as JSON.parse made it.
  const copy = Object.create(null) as Record<string, unknown>;
  for (const i of order) copy[keys[i]] = values[i];
  return copy;
}
