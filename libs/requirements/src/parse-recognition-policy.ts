import { DEFAULT_CONVERSION_TABLE } from './credit-units';
import { isValidDate, onOrBefore } from './dates';
import { isValidGrade } from './grades';
import { recognitionPolicyJsonSchema } from './recognition-policy.schema';
import { RecognitionPolicy } from './recognition.types';
import { tryParseRational } from './rational';
import { ParseError, compileSchema, readDocument, schemaErrors, sortErrors } from './schema-errors';
import { withStoredLevels } from './stored-definitions';

export type ParseRecognitionPolicyResult = { ok: true; policy: RecognitionPolicy } | { ok: false; errors: ParseError[] };

let validator: ReturnType<typeof compileSchema> | undefined;
let storedValidator: ReturnType<typeof compileSchema> | undefined;

/** Validates a recognition policy (object, JSON or YAML text) against its schema and semantic rules. */
export function parseRecognitionPolicy(input: unknown): ParseRecognitionPolicyResult {
  validator ??= compileSchema(recognitionPolicyJsonSchema);
  return parseWith(validator, input);
}

/** A policy read back from its PolicyVersionPublished event: the grammar of its time (stored-definitions.ts). */
export function parseStoredRecognitionPolicy(input: unknown): ParseRecognitionPolicyResult {
  storedValidator ??= compileSchema(withStoredLevels(recognitionPolicyJsonSchema));
  return parseWith(storedValidator, input);
}

function parseWith(validate: ReturnType<typeof compileSchema>, input: unknown): ParseRecognitionPolicyResult {
  const doc = readDocument(input);
  if (!doc.ok) return { ok: false, errors: doc.errors };
  if (!validate(doc.value)) return { ok: false, errors: sortErrors(schemaErrors(validate.errors, 'policy')) };
  const policy = doc.value as RecognitionPolicy;
  const errors: ParseError[] = [];
  const units = new Set([...Object.keys(DEFAULT_CONVERSION_TABLE), ...Object.keys(policy.conversion ?? {})]);
  if (!units.has(policy.creditUnit)) errors.push({ path: '/creditUnit', message: `unknown credit unit "${policy.creditUnit}"` });
  if (!isValidDate(policy.effectiveFrom)) errors.push({ path: '/effectiveFrom', message: 'is not a calendar date' });
  if (policy.effectiveTo !== undefined) {
    if (!isValidDate(policy.effectiveTo)) errors.push({ path: '/effectiveTo', message: 'is not a calendar date' });
    else if (onOrBefore(policy.effectiveTo, policy.effectiveFrom)) errors.push({ path: '/effectiveTo', message: 'must be after effectiveFrom' });
  }
  for (const [unit, v] of Object.entries(policy.conversion ?? {})) {
    const r = tryParseRational(v);
    if (!r || r.n === 0n) errors.push({ path: `/conversion/${unit}`, message: 'must be a positive exact number' });
  }
  const letters = policy.letterGrades;
  if (policy.minGrade !== undefined && !isValidGrade(policy.minGrade, letters)) errors.push({ path: '/minGrade', message: `is not a readable grade: ${JSON.stringify(policy.minGrade)}` });
  const ids = new Set<string>();
  (policy.equivalencies ?? []).forEach((e, i) => {
    if (ids.has(e.id)) errors.push({ path: `/equivalencies/${i}/id`, message: `duplicate equivalency id "${e.id}"` });
    ids.add(e.id);
    if (e.minGrade !== undefined && !isValidGrade(e.minGrade, letters)) errors.push({ path: `/equivalencies/${i}/minGrade`, message: `is not a readable grade: ${JSON.stringify(e.minGrade)}` });
    if (e.grant.credits !== undefined && !tryParseRational(e.grant.credits)) errors.push({ path: `/equivalencies/${i}/grant/credits`, message: 'is not an exact number' });
  });
  const ruleIds = new Set<string>();
  (policy.credentials ?? []).forEach((r, i) => {
    if (ruleIds.has(r.id)) errors.push({ path: `/credentials/${i}/id`, message: `duplicate credential rule id "${r.id}"` });
    ruleIds.add(r.id);
  });
  const cap = policy.transferCap;
  if (cap?.maxFraction !== undefined) {
    const f = tryParseRational(cap.maxFraction);
    if (!f || f.n > f.d) errors.push({ path: '/transferCap/maxFraction', message: 'must be a fraction between 0 and 1' });
  }
  return errors.length ? { ok: false, errors: sortErrors(errors) } : { ok: true, policy };
}
