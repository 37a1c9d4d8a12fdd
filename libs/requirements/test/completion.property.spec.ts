import fc from 'fast-check';
import { evaluateProgram, LearnerItem, MissingEntry, parseProgram, ProgramEvaluation, RequirementNode } from '@app/requirements';
import { randomCase, RandomCase } from './random-programs';
import { Reference, twelfths } from './reference-evaluator';

const OPTIONS = { referenceDate: '2026-06-01' };

/**
 * The test's own reading of `missing`: for every entry, the new items it asks for (a course, n
 * items, or credits matching the entry's filter, counted where it says), built here, not by the
 * engine. The reference knows fields, source and assessment, which is what the generator's filters use.
 */
function itemsAskedFor(missing: readonly MissingEntry[]): LearnerItem[] {
  const out: LearnerItem[] = [];
  const make = (source: 'home' | 'transfer', credits: string, extra: Partial<LearnerItem>): LearnerItem => ({
    id: `new-${out.length}`, source, credits, unit: 'ECTS', date: OPTIONS.referenceDate, ...extra,
  });
  for (const m of missing) {
    const need = m.need;
    if (!need) continue;
    const matching = 'matching' in need ? need.matching : {};
    const field = {
      ...(matching.fields ? { field: matching.fields[0] } : {}),
      ...(matching.assessmentTypes ? { assessmentType: matching.assessmentTypes[0] } : {}),
      ...(matching.identityVerified ? { identityVerified: true } : {}),
    };
    switch (need.kind) {
      case 'course':
        out.push(make(need.source, '0', { courseId: need.course, ...field }));
        break;
      case 'items':
        for (let k = 0; k < need.items; k++) out.push(make(need.source, '0', field));
        break;
      case 'credits':
      case 'total':
        out.push(make(need.source, need.credits.exact, field));
        break;
      default:
        break;
    }
  }
  return out;
}

function run({ program, items }: RandomCase): { evaluation: ProgramEvaluation; program: RandomCase['program'] } {
  const parsed = parseProgram(program);
  if (!parsed.ok) throw new Error(`generator produced an invalid program: ${JSON.stringify(parsed.errors)}`);
  return { evaluation: evaluateProgram(parsed.program, items, OPTIONS), program: parsed.program };
}

/**
 * Is the program satisfied with these items, by the reference? Exhaustively (`verdict`) when the
 * item set is small enough for it; otherwise the reference checks the engine's satisfying
 * assignment as a certificate: every claim legal, no cap exceeded, the tree satisfied and the
 * total reached by the reference's own counting.
 */
function referenceSatisfied(program: RandomCase['program'], items: LearnerItem[]): boolean {
  const ref = new Reference(program, items);
  if (items.length <= 8) return ref.verdict().withTotal;
  const evaluation = evaluateProgram(program, items, OPTIONS);
  if (!evaluation.requirementsSatisfied) return false;
  const leafById = new Map(ref.leaves.map((l) => [l.node.id, l.leaf]));
  const itemById = new Map(items.map((it, k) => [it.id, k]));
  const claims = ref.leaves.map((): number[] => []);
  for (const claim of evaluation.claims) claims[leafById.get(claim.ruleId) ?? -1].push(itemById.get(claim.itemId) ?? -1);
  return ref.violations(claims).length === 0 && ref.treeSatisfied(claims) && ref.maxTotal(claims) >= twelfths(program.totalCredits);
}

/**
 * Generous new learning for every rule (three items matching its filter, 12 credits each, taken
 * here and as transfer credit, of its course unless the learner holds that course): if even this
 * does not satisfy the program, no completion by new learning exists for it.
 */
function generousItems(node: RequirementNode, held: ReadonlySet<string>, out: LearnerItem[] = []): LearnerItem[] {
  const kids = 'allOf' in node ? node.allOf : 'anyOf' in node ? node.anyOf : 'of' in node ? node.of : [];
  for (const k of kids) generousItems(k, held, out);
  if (kids.length > 0 || ('course' in node && held.has(node.course))) return out;
  const f = 'filter' in node && node.filter ? node.filter : {};
  for (let k = 0; k < 3; k++) {
    out.push({
      id: `generous-${out.length}`, source: f.source ?? (k % 2 ? 'transfer' : 'home'), credits: '12', unit: 'ECTS', date: OPTIONS.referenceDate,
      ...(f.fields ? { field: f.fields[0] } : {}), ...('course' in node ? { courseId: node.course } : {}),
      ...(f.assessmentTypes ? { assessmentType: f.assessmentTypes[0] } : {}), ...(f.identityVerified ? { identityVerified: true } : {}),
    });
  }
  return out;
}

function completable(program: RandomCase['program'], items: readonly LearnerItem[]): boolean {
  const held = new Set(items.map((it) => it.courseId).filter((x): x is string => x !== undefined));
  return evaluateProgram(program, [...items, ...generousItems(program.requirements, held)], { ...OPTIONS, engineVersion: '1.1.0' }).requirementsSatisfied;
}

describe('missing as a completion (property tests against the brute-force reference)', () => {
  it('given random programs and learners that do not satisfy them, when the items `missing` asks for are added, then the reference finds the program satisfied', () => {
    let unsatisfied = 0;
    let verified = 0;
    let missed = 0;
    let wrongException = 0;
    fc.assert(
      fc.property(randomCase, (input) => {
        const { evaluation, program } = run(input);
        if (evaluation.requirementsSatisfied) {
          expect(evaluation.missing.filter((m) => m.rulePath !== '')).toEqual([]);
          return;
        }
        unsatisfied++;
        expect(evaluation.completion).toBeDefined();
        if (!evaluation.completion?.verified) {
          // no completion found: say how often one existed all the same (measured below, not hidden)
          if (completable(program, input.items)) {
            if (evaluation.completion?.needsException) wrongException++;
            else missed++;
          }
          return;
        }
        verified++;
        const added = itemsAskedFor(evaluation.missing);
        expect(added.length).toBeGreaterThan(0);
        expect(referenceSatisfied(program, [...input.items, ...added])).toBe(true);
      }),
      { numRuns: 1500, seed: 20261207 },
    );
    // not vacuous, and honest about the rest: most unsatisfied cases get a verified completion; where
    // none is found, one rarely existed (the generator's caps without filters make many programs
    // impossible to complete by new learning), and "only an exception completes it" is rarely wrong
    expect(unsatisfied).toBeGreaterThan(1000);
    expect(verified / unsatisfied).toBeGreaterThan(0.7);
    expect(missed / unsatisfied).toBeLessThan(0.05);
    expect(wrongException / unsatisfied).toBeLessThan(0.01);
  });

  it('given random programs and learners, when `missing` asks for a course, then every held item of that course is explained: it cannot count here (a filter or a cap), or a cap leaves it no room once the other rules get what they lack', () => {
    fc.assert(
      fc.property(randomCase, (input) => {
        const { evaluation } = run(input);
        const claimed = new Set(evaluation.claims.map((c) => c.itemId));
        for (const m of evaluation.missing) {
          expect(m.message).not.toMatch(/recognized:|\bi\d+\b/);
          if (m.need?.kind !== 'course') continue;
          const course = m.need.course;
          const held = input.items.filter((it) => it.courseId === course);
          // a held item of the course is not usable here (a filter, a cap: the note says which), or
          // counts here now but a cap leaves it no room once the other rules get what they lack
          const notes = (m.notes ?? []).filter((n) => n.startsWith(`${course} `));
          for (const it of held) {
            const why = claimed.has(it.id) ? /already counts toward|left out by a cap once the other rules/ : /does not count here|left out by a cap/;
            expect({ item: it.id, explained: notes.some((n) => why.test(n)) }).toEqual({ item: it.id, explained: true });
          }
        }
      }),
      { numRuns: 1000, seed: 20261208 },
    );
  });
});
