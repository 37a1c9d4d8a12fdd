import { DEFAULT_CONVERSION_TABLE } from './credit-units';
import { isValidGrade } from './grades';
import { Program, RequirementNode, childrenOf, isAllOf, isAnyOf, isNOf } from './program.types';
import { programJsonSchema } from './program.schema';
import { tryParseRational } from './rational';
import { ParseError, compileSchema, readDocument, schemaErrors, sortErrors } from './schema-errors';
import { withStoredLevels } from './stored-definitions';

export type ParseProgramResult = { ok: true; program: Program } | { ok: false; errors: ParseError[] };

let validator: ReturnType<typeof compileSchema> | undefined;
let storedValidator: ReturnType<typeof compileSchema> | undefined;

/** Validates a program (object, JSON or YAML text) against the schema and the rules the schema cannot say. */
export function parseProgram(input: unknown): ParseProgramResult {
  validator ??= compileSchema(programJsonSchema);
  return parseWith(validator, input);
}

/** A program read back from its ProgramVersionPublished event: the grammar of its time (stored-definitions.ts). */
export function parseStoredProgram(input: unknown): ParseProgramResult {
  storedValidator ??= compileSchema(withStoredLevels(programJsonSchema));
  return parseWith(storedValidator, input);
}

function parseWith(validate: ReturnType<typeof compileSchema>, input: unknown): ParseProgramResult {
  const doc = readDocument(input);
  if (!doc.ok) return { ok: false, errors: doc.errors };
  if (!validate(doc.value)) return { ok: false, errors: sortErrors(schemaErrors(validate.errors, 'program')) };
  const program = doc.value as Program;
  const errors = semanticErrors(program);
  return errors.length ? { ok: false, errors: sortErrors(errors) } : { ok: true, program };
}

function semanticErrors(program: Program): ParseError[] {
  const errors: ParseError[] = [];
  const ids = new Map<string, string>();
  const knownUnits = new Set([...Object.keys(DEFAULT_CONVERSION_TABLE), ...Object.keys(program.conversion ?? {})]);
  if (!knownUnits.has(program.creditUnit)) {
    errors.push({ path: '/creditUnit', message: `unknown credit unit "${program.creditUnit}"` });
  }
  checkRational(program.totalCredits, '/totalCredits', errors, true);
  walk(program.requirements, '/requirements', ids, errors);
  (program.shareable ?? []).forEach((pair, i) =>
    pair.forEach((ruleId, j) => {
      if (!ids.has(ruleId)) errors.push({ path: `/shareable/${i}/${j}`, message: `no rule with id "${ruleId}"` });
    }),
  );
  const pathways = program.residency?.reducedPathways ?? [];
  const pathwayIds = new Set<string>();
  pathways.forEach((p, i) => {
    if (pathwayIds.has(p.id)) errors.push({ path: `/residency/reducedPathways/${i}/id`, message: `duplicate pathway id "${p.id}"` });
    pathwayIds.add(p.id);
    checkResidency(p.residency as Record<string, unknown>, `/residency/reducedPathways/${i}/residency`, errors);
    p.requires.forEach((c, j) => {
      const at = `/residency/reducedPathways/${i}/requires/${j}`;
      if ('rule' in c && !ids.has(c.rule)) errors.push({ path: `${at}/rule`, message: `no rule with id "${c.rule}"` });
      if ('requirement' in c) walk(c.requirement, `${at}/requirement`, new Map(), errors);
    });
  });
  if (program.residency && !program.residency.standard && pathways.length === 0) {
    errors.push({ path: '/residency', message: 'residency needs a standard route or at least one reduced pathway (a program without a standard route admits only through its pathways)' });
  }
  if (program.residency?.standard) checkResidency(program.residency.standard as Record<string, unknown>, '/residency/standard', errors);
  return errors;
}

function walk(node: RequirementNode, path: string, ids: Map<string, string>, errors: ParseError[]): void {
  const previous = ids.get(node.id);
  if (previous !== undefined) {
    errors.push({ path: `${path}/id`, message: `duplicate rule id "${node.id}" (first at ${previous})` });
  } else ids.set(node.id, path);
  (node.limits ?? []).forEach((l, i) => {
    const at = `${path}/limits/${i}`;
    if (l.maxCredits !== undefined) checkRational(l.maxCredits, `${at}/maxCredits`, errors, false);
    if (l.maxFraction !== undefined) {
      const f = checkRational(l.maxFraction, `${at}/maxFraction`, errors, false);
      if (f && f.n > f.d) errors.push({ path: `${at}/maxFraction`, message: 'must be a fraction between 0 and 1' });
    }
    if (l.filter) checkFilter(l.filter, `${at}/filter`, errors);
  });
  if ('filter' in node && node.filter) checkFilter(node.filter, `${path}/filter`, errors);
  if ('credits' in node) checkRational(node.credits, `${path}/credits`, errors, false);
  if (isNOf(node) && node.nOf > node.of.length) {
    errors.push({ path: `${path}/nOf`, message: `asks for ${node.nOf} but has only ${node.of.length} alternatives` });
  }
  const key = isAllOf(node) ? 'allOf' : isAnyOf(node) ? 'anyOf' : 'of';
  childrenOf(node).forEach((child, i) => walk(child, `${path}/${key}/${i}`, ids, errors));
}

function checkFilter(filter: { minGrade?: unknown }, path: string, errors: ParseError[]): void {
  if (filter.minGrade !== undefined && !isValidGrade(filter.minGrade)) {
    errors.push({ path: `${path}/minGrade`, message: `is not a readable grade: ${JSON.stringify(filter.minGrade)}` });
  }
}

function checkResidency(req: Record<string, unknown>, path: string, errors: ParseError[]): void {
  if (req.credits !== undefined) checkRational(req.credits, `${path}/credits`, errors, false);
}

function checkRational(value: unknown, path: string, errors: ParseError[], positive: boolean) {
  const r = tryParseRational(value);
  if (!r) errors.push({ path, message: `is not an exact number: ${JSON.stringify(value)}` });
  else if (r.n < 0n || (positive && r.n === 0n)) errors.push({ path, message: positive ? 'must be positive' : 'must not be negative' });
  return r;
}
