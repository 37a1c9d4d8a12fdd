import fc from 'fast-check';
import { evaluateProgram, parseProgram, ProgramEvaluation } from '@app/requirements';
import { randomCase, RandomCase } from './random-programs';
import { Reference, twelfths } from './reference-evaluator';

const OPTIONS = { referenceDate: '2026-06-01' };

/** The engine's answer, with its claims read back as item indices per reference leaf. */
function run({ program, items }: RandomCase): { evaluation: ProgramEvaluation; ref: Reference; claims: number[][] } {
  const parsed = parseProgram(program);
  if (!parsed.ok) throw new Error(`generator produced an invalid program: ${JSON.stringify(parsed.errors)}`);
  const evaluation = evaluateProgram(parsed.program, items, OPTIONS);
  const ref = new Reference(parsed.program, items);
  const leafById = new Map(ref.leaves.map((l) => [l.node.id, l.leaf]));
  const itemById = new Map(items.map((it, k) => [it.id, k]));
  const claims = ref.leaves.map((): number[] => []);
  for (const claim of evaluation.claims) claims[leafById.get(claim.ruleId) ?? -1].push(itemById.get(claim.itemId) ?? -1);
  return { evaluation, ref, claims };
}

const inTwelfths = (q: { exact: string }) => twelfths(q.exact);

describe('assignment search (property tests against an independent brute-force reference)', () => {
  it('given random small programs and items, when evaluated, then the tree and the degree total are satisfiable exactly when the reference finds an assignment, and the total is the best one', () => {
    fc.assert(
      fc.property(randomCase, (input) => {
        const { evaluation, ref, claims } = run(input);
        const verdict = ref.verdict();
        const tree = evaluation.nodes[0].status === 'satisfied';
        expect(tree).toBe(verdict.tree);
        expect(evaluation.requirementsSatisfied).toBe(verdict.withTotal);
        expect(inTwelfths(evaluation.totalCredits.have)).toBe(ref.maxTotal(claims));
        if (tree) expect(ref.treeSatisfied(claims)).toBe(true);
        if (tree && !verdict.withTotal) expect(inTwelfths(evaluation.totalCredits.have)).toBe(verdict.bestTotal);
      }),
      { numRuns: 1000, seed: 20260601 },
    );
  });

  it('given random small programs and items, when evaluated, then no item counts toward two non-shareable rules, no cap is exceeded, and observing checks see what the caps allow', () => {
    fc.assert(
      fc.property(randomCase, (input) => {
        const { evaluation, ref, claims } = run(input);
        expect(ref.violations(claims)).toEqual([]);
        for (const [node, best] of ref.observed) {
          const e = evaluation.nodes.find((n) => n.id === node.id);
          const have = e?.progress.of === 'credits' ? inTwelfths(e.progress.have) : Number(e?.progress.have.exact);
          expect(have).toBe(best);
        }
      }),
      { numRuns: 1000, seed: 20260602 },
    );
  });

  it('given the same inputs in any order, when evaluated twice, then the JSON output is byte-identical', () => {
    fc.assert(
      fc.property(randomCase, fc.nat(), ({ program, items }, seed) => {
        const shuffled = [...items].sort((a, b) => ((a.id.charCodeAt(1) * 31 + seed) % 7) - ((b.id.charCodeAt(1) * 31 + seed) % 7));
        const a = JSON.stringify(evaluateProgram(program, items, OPTIONS));
        const b = JSON.stringify(evaluateProgram(program, shuffled, OPTIONS));
        expect(b).toBe(a);
      }),
      { numRuns: 300, seed: 20260603 },
    );
  });
});
