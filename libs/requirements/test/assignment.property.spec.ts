import fc from 'fast-check';
import { evaluateProgram, parseProgram } from '@app/requirements';
import { bruteForceSatisfiable, claimsViolations, treeSatisfied } from '../src/brute-force';
import { compileProgram } from '../src/compile-program';
import { observeChecks } from '../src/node-results';
import { randomCase, RandomCase } from './random-programs';

const OPTIONS = { referenceDate: '2026-06-01' };

function run({ program, items }: RandomCase) {
  const parsed = parseProgram(program);
  if (!parsed.ok) throw new Error(`generator produced an invalid program: ${JSON.stringify(parsed.errors)}`);
  const evaluation = evaluateProgram(parsed.program, items, OPTIONS);
  const compiled = compileProgram(parsed.program, items, OPTIONS);
  const observed = new Map([...observeChecks(compiled)].map(([k, v]) => [k, v.satisfied]));
  const leafByPath = new Map(compiled.nodes.filter((n) => n.leaf >= 0).map((n) => [n.path, n.leaf]));
  const itemById = new Map(compiled.items.map((it) => [it.id, it.index]));
  const claims = compiled.leaves.map((): number[] => []);
  for (const claim of evaluation.claims) claims[leafByPath.get(claim.rulePath) ?? -1].push(itemById.get(claim.itemId) ?? -1);
  return { evaluation, compiled, observed, claims };
}

describe('assignment search (property tests against brute-force enumeration)', () => {
  it('given random small programs and items, when evaluated, then it is satisfiable exactly when brute force finds an assignment', () => {
    fc.assert(
      fc.property(randomCase, (input) => {
        const { evaluation, compiled, observed, claims } = run(input);
        const engine = evaluation.nodes[0].status === 'satisfied';
        expect(engine).toBe(bruteForceSatisfiable(compiled, observed));
        if (engine) expect(treeSatisfied(compiled, claims, observed)).toBe(true);
      }),
      { numRuns: 1000, seed: 20260601 },
    );
  });

  it('given random small programs and items, when evaluated, then no item counts toward two non-shareable rules and no cap is exceeded', () => {
    fc.assert(
      fc.property(randomCase, (input) => {
        const { compiled, claims } = run(input);
        expect(claimsViolations(compiled, claims)).toEqual([]);
      }),
      { numRuns: 1000 },
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
      { numRuns: 300 },
    );
  });
});
