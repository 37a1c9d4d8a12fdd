import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { DocumentKind, friendlyMessage } from './schema-messages';

/** A fault in an input document: JSON pointer to where, and what is wrong. */
export interface ParseError {
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ParseError[] };

const UNION = '\u0000union';

export function compileSchema(schema: object): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  return ajv.compile(schema);
}

/** Accepts an object, or JSON / YAML text. */
export function readDocument(input: unknown): ParseResult<unknown> {
  if (typeof input !== 'string') return { ok: true, value: input };
  try {
    return { ok: true, value: JSON.parse(input) };
  } catch {
    try {
      return { ok: true, value: parseYaml(input) };
    } catch (e) {
      return { ok: false, errors: [{ path: '', message: `not valid JSON or YAML: ${(e as Error).message}` }] };
    }
  }
}

/** Turns ajv errors into path + message, dropping the noise of if/then/oneOf bookkeeping. */
export function schemaErrors(errors: ErrorObject[] | null | undefined, kind?: DocumentKind): ParseError[] {
  const out: ParseError[] = [];
  const seen = new Set<string>();
  const all = errors ?? [];
  const hasDeeper = (path: string) => all.some((e) => e.instancePath.startsWith(path + '/') && e.keyword !== 'if');
  for (const e of all) {
    if (e.keyword === 'if') continue;
    if ((e.keyword === 'oneOf' || e.keyword === 'anyOf') && hasDeeper(e.instancePath)) continue;
    let path = e.instancePath;
    let message = e.message ?? 'is invalid';
    const friendly = friendlyMessage(e, kind);
    if (friendly !== null) {
      message = friendly;
    } else if (e.keyword === 'additionalProperties') {
      const prop = String((e.params as { additionalProperty: string }).additionalProperty);
      path = `${path}/${escapePointer(prop)}`;
      message = 'is not an allowed property here';
    } else if (e.keyword === 'required') {
      const prop = String((e.params as { missingProperty: string }).missingProperty);
      if (e.schemaPath.includes('/else/else/else/else/else/')) {
        message = 'a rule needs exactly one of allOf, anyOf, nOf (with of), course, count or credits';
      } else {
        path = `${path}/${escapePointer(prop)}`;
        message = 'is required';
      }
    } else if (e.keyword === 'enum') {
      message = `must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
    } else if (e.keyword === 'oneOf' || (e.keyword === 'type' && isUnionBranch(e))) {
      message = UNION;
    }
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message });
  }
  const descriptions = new Map<string, string>();
  for (const e of all) {
    const d = (e.parentSchema as { description?: string } | undefined)?.description;
    if (e.keyword === 'oneOf' && d) descriptions.set(e.instancePath, `must be ${d}`);
  }
  return dropUnionNoise(out, descriptions);
}

function isUnionBranch(e: ErrorObject): boolean {
  return /\/oneOf\/\d+\//.test(e.schemaPath);
}

/** Inside a oneOf, every failing branch reports; keep one message per path. */
function dropUnionNoise(errors: ParseError[], descriptions: Map<string, string>): ParseError[] {
  const byPath = new Map<string, ParseError[]>();
  for (const e of errors) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e]);
  const out: ParseError[] = [];
  for (const [, list] of byPath) {
    const union = list.find((e) => e.message === UNION);
    if (union) out.push({ path: union.path, message: descriptions.get(union.path) ?? 'has the wrong type or format' });
    else out.push(...list);
  }
  return out;
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function sortErrors(errors: ParseError[]): ParseError[] {
  return [...errors].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.message < b.message ? -1 : 1));
}
