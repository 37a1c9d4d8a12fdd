import { evaluateProgram, LearnerItem, Program } from '@app/requirements';

const item = (id: string, extra: Partial<LearnerItem> = {}): LearnerItem => ({ id, source: 'home', credits: 1, unit: 'ECTS', date: '2025-06-01', ...extra });
const ref = { referenceDate: '2026-06-01' };

describe('degree total decided together with the claims', () => {
  const program: Program = {
    id: 'p', version: '1', creditUnit: 'ECTS', totalCredits: 6,
    requirements: { id: 'root', limits: [{ maxItems: 1, filter: { source: 'transfer' } }], anyOf: [{ id: 'c1', course: 'C1' }, { id: 'c2', course: 'C2' }] },
  };
  const x1 = item('x1', { source: 'transfer', credits: 5 });
  const y = item('y', { source: 'transfer', courseId: 'C1' });
  const z = item('z', { courseId: 'C2' });

  it('given a transfer item cap where claiming y for C1 would crowd out the 5-credit x1, when evaluated, then it claims z for C2, counts x1 and is satisfied', () => {
    const r = evaluateProgram(program, [x1, y, z], ref);
    expect(r.result).toBe('satisfied');
    expect(r.totalCredits).toMatchObject({ have: { exact: '6' }, satisfied: true });
    expect(r.claims.map((c) => [c.itemId, c.ruleId])).toEqual([['z', 'c2']]);
    expect(r.capsApplied[0]).toMatchObject({ usedItems: 0, excludedItems: ['y'] });
  });

  it('given the same learner with one item fewer, when evaluated, then adding y back does not make the learner fail', () => {
    expect(evaluateProgram(program, [x1, z], ref).result).toBe('satisfied');
    expect(evaluateProgram(program, [x1, y, z], ref).result).toBe('satisfied');
  });

  it('given a credit cap that whole items must fill, when the total is computed, then the best fit is counted, not the first in id order', () => {
    const p: Program = { ...program, totalCredits: 7, requirements: { id: 'root', limits: [{ maxCredits: 6, filter: { source: 'transfer' } }], count: 0 } };
    const items = [item('a', { source: 'transfer', credits: 4 }), item('b', { source: 'transfer', credits: 3 }), item('c', { source: 'transfer', credits: 3 }), item('h')];
    const r = evaluateProgram(p, items, ref);
    expect(r.totalCredits).toMatchObject({ have: { exact: '7' }, satisfied: true });
    expect(r.creditsBySource.transferCounted.exact).toBe('6');
  });

  it('given a total that no assignment can reach, when evaluated, then it is partial and the shortfall is the best achievable one', () => {
    const r = evaluateProgram({ ...program, totalCredits: 8 }, [x1, y, z], ref);
    expect(r.result).toBe('partial');
    expect(r.requirementsSatisfied).toBe(false);
    expect(r.totalCredits.have.exact).toBe('6');
  });
});
