/**
 * Nest's generator writes OpenAPI 3.0 idioms; the document is served as 3.1 (JSON Schema
 * 2020-12, so that the engine's schemas embed as they are). This rewrites the one 3.0 keyword it
 * emits that 3.1 dropped: `nullable: true` next to a `type` becomes a type list with "null".
 */
export function toOpenApi31(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toOpenApi31);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = toOpenApi31(v);
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...(out.type as unknown[]), 'null'];
    else if (out.type === undefined) return { anyOf: [out, { type: 'null' }] };
  } else if (out.nullable === false) delete out.nullable;
  return out;
}
