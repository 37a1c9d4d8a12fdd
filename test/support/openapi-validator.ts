import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Json = { [key: string]: unknown };
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Json }> }>; requestBody?: { content?: Record<string, { schema?: Json }> } }>>;
  components: { schemas: Record<string, Json> };
}

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every operation of the document: method, path template, and a matcher for concrete paths. */
export function operationsOf(doc: OpenApiDocument): { method: string; template: string; matches: (path: string) => boolean }[] {
  return Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.keys(ops)
      .filter((m) => (METHODS as readonly string[]).includes(m))
      .map((m) => {
        const pattern = new RegExp(`^${template.split(/\{[^}]+\}/).map(escapeRegExp).join('[^/]+')}$`);
        return { method: m.toUpperCase(), template, matches: (path: string) => pattern.test(path) };
      }),
  );
}

/**
 * Validates answers against the document's declared response schemas with ajv (JSON Schema
 * 2020-12, the dialect of OpenAPI 3.1). The components are compiled as one schema resource whose
 * `$defs` are the document's components, so `#/components/schemas/X` refs resolve inside it.
 */
export class OpenApiValidator {
  private readonly ajv = addFormats(new Ajv2020({ allErrors: true, strict: false, validateFormats: true }));
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly doc: OpenApiDocument) {
    const text = JSON.stringify({ $id: 'urn:openapi:components', $defs: doc.components.schemas }).replace(/#\/components\/schemas\//g, '#/$defs/');
    this.ajv.addSchema(JSON.parse(text) as Json);
  }

  /** The schema declared for (operation, status, media type), or null when none is declared. */
  declared(method: string, template: string, status: number, mediaType: string): Json | null {
    const responses = this.doc.paths[template]?.[method.toLowerCase()]?.responses ?? {};
    const content = (responses[String(status)] ?? responses[`${String(status)[0]}XX`])?.content ?? {};
    return content[mediaType]?.schema ?? null;
  }

  /** ajv's errors for `body` against a declared schema (empty: valid). */
  errors(schema: Json, body: unknown): string[] {
    const key = JSON.stringify(schema);
    let validate = this.cache.get(key);
    if (!validate) {
      const text = key.replace(/#\/components\/schemas\//g, 'urn:openapi:components#/$defs/');
      validate = this.ajv.compile(JSON.parse(text) as Json);
      this.cache.set(key, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }
}
