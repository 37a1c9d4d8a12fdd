/**
 * Named JSON Schemas for the OpenAPI document's `components.schemas` (OpenAPI 3.1: JSON Schema
 * 2020-12). A lib registers the schemas of its answers (and of request fields that are richer than a
 * DTO's @ApiProperty can say) where it declares them, and references them from its controllers'
 * decorators: `@ApiOkResponse({ schema: apiSchema('Ledger', ledgerSchema) })`. `setupOpenApi` adds
 * every registered schema the document references (transitively) to its components.
 */
export type ApiSchema = { [key: string]: unknown };
export type ApiSchemaRef = { $ref: string };

const registry = new Map<string, ApiSchema>();
const COMPONENT_NAME = /^[A-Za-z0-9._-]+$/;

export const apiSchemaRef = (name: string): ApiSchemaRef => ({ $ref: `#/components/schemas/${name}` });

/** Registers `schema` under `name` (the same name twice must be the same schema) and returns a $ref to it. */
export function apiSchema(name: string, schema: ApiSchema): ApiSchemaRef {
  if (!COMPONENT_NAME.test(name)) throw new Error(`OpenAPI component name "${name}" must match ${COMPONENT_NAME.source}`);
  const existing = registry.get(name);
  if (existing !== undefined && existing !== schema && JSON.stringify(existing) !== JSON.stringify(schema)) {
    throw new Error(`OpenAPI schema ${name} is registered twice with different content`);
  }
  registry.set(name, schema);
  return apiSchemaRef(name);
}

/** The schema registered under `name`, if any. */
export const registeredApiSchema = (name: string): ApiSchema | undefined => registry.get(name);

/**
 * Embeds a self-contained draft-07 JSON Schema (with `definitions` and `#/definitions/...` refs)
 * as components: the root under `name`, each definition under `name.key`, refs rewritten to
 * them. `$schema` and `$id` are left out of the copies (inside the OpenAPI document the refs
 * resolve against the document); the description names the canonical `$id`.
 */
export function embedJsonSchema(name: string, schema: ApiSchema): ApiSchemaRef {
  const { definitions, $schema: _dialect, $id, ...root } = schema as ApiSchema & { definitions?: Record<string, unknown>; $schema?: string; $id?: string };
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, key === '$ref' && typeof v === 'string' && v.startsWith('#/definitions/') ? apiSchemaRef(`${name}.${v.slice('#/definitions/'.length)}`).$ref : rewrite(v)]),
    );
  };
  for (const [key, definition] of Object.entries(definitions ?? {})) apiSchema(`${name}.${key}`, rewrite(definition) as ApiSchema);
  const description = [root.description, $id ? `Canonical schema: ${$id} (also served by this API under /schemas/).` : undefined].filter(Boolean).join(' ');
  return apiSchema(name, { ...(rewrite(root) as ApiSchema), ...(description ? { description } : {}) });
}

/** Adds to `schemas` every registered schema that `root` references, transitively. */
export function addReferencedSchemas(root: unknown, schemas: Record<string, unknown>): void {
  const pending = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      pending.push(...value);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value)) {
        if (key === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
          const name = v.slice('#/components/schemas/'.length);
          const schema = registry.get(name);
          if (schema !== undefined && !Object.hasOwn(schemas, name)) {
            schemas[name] = schema;
            pending.push(schema);
          }
        } else pending.push(v);
      }
    }
  }
}
