import { ErrorObject } from 'ajv';

export type DocumentKind = 'program' | 'policy';

/**
 * Refusals that name the accepted form, for the grammars a registrar most often gets wrong: an EQF
 * level written as a course writes it (7, "7", "eqf 7") instead of "EQF7"; a program version that
 * is not a catalog year; a policy version or an id outside the API's grammar. Keyed by where the
 * failing keyword sits in the schema (ajv's schemaPath); null: ajv's own message.
 */
export function friendlyMessage(e: ErrorObject, kind: DocumentKind | undefined): string | null {
  if (e.keyword !== 'pattern' && e.keyword !== 'type') return null;
  if (/^#\/definitions\/eqfLevel\//.test(e.schemaPath)) return eqfMessage(e.data);
  if (/^#\/definitions\/date\//.test(e.schemaPath)) return `must be a calendar date YYYY-MM-DD (got ${show(e.data)})`;
  if (/^#\/properties\/version\//.test(e.schemaPath)) {
    return kind === 'program'
      ? `must be a catalog year: "2026", "2026-27" or "2026-2027" (got ${show(e.data)})`
      : `must be letters, digits, ".", "_" or "-", starting with a letter or digit, at most 40 (e.g. "2026.1"; got ${show(e.data)})`;
  }
  if (/^#\/properties\/(id|programId)\//.test(e.schemaPath)) {
    return `must be an id: a letter or digit, then up to 99 letters, digits, ".", "_", ":" or "-" (got ${show(e.data)})`;
  }
  return null;
}

function eqfMessage(value: unknown): string {
  const digit = /^\s*(?:EQF)?\s*-?\s*([1-8])\s*$/i.exec(String(value));
  const hint = digit ? `; write "EQF${digit[1]}"` : '';
  return `must be an EQF level written "EQF1" to "EQF8" (got ${show(value)}${hint}): a course recorded with eqfLevel 7 is at level "EQF7"`;
}

const show = (v: unknown) => JSON.stringify(v) ?? String(v);
