/**
 * Ids index plain objects in states and read models. An id may be any name, including one of
 * Object.prototype's (`constructor`, `toString`, `__proto__`...): read such objects with `own`
 * (own properties only, never an inherited one) and build them with `dictionary` (no prototype,
 * so assigning `__proto__` stores a key instead of replacing the prototype).
 */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An empty object with no prototype, to index by ids. */
export function dictionary<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}
