import { evaluateProgram, LearnerItem, Program } from '@app/requirements';

const item = (id: string, extra: Partial<LearnerItem> = {}): LearnerItem => ({ id, source: 'transfer', credits: 3, unit: 'ECTS', date: '2025-06-01', ...extra });
const mm = (id: string) => item(id, { credentials: [{ id: 'cred', type: 'MicroMasters' }] });
const ref = { referenceDate: '2026-06-01' };

const program: Program = {
  id: 'p', version: '2026', creditUnit: 'ECTS', totalCredits: 1,
  requirements: { id: 'root', allOf: [{ id: 'mm', count: 2, filter: { credentialTypes: ['MicroMasters'] } }, { id: 'b', count: 1 }, { id: 'c', count: 1 }, { id: 'x', course: 'X' }] },
  residency: { standard: { months: 10 }, reducedPathways: [{ id: 'blended', requires: [{ rule: 'mm' }], residency: { months: 5 } }] },
};

describe('reduced-residency { rule } conditions are decided exactly, on their own', () => {
  it('given two MicroMasters items and an otherwise unsatisfiable tree, when evaluated, then the mm condition holds and residency is reduced', () => {
    const r = evaluateProgram(program, [mm('m1'), mm('m2')], ref);
    expect(r.requirementsSatisfied).toBe(false);
    expect(r.residency).toMatchObject({ outcome: 'reduced', pathway: { id: 'blended' }, pathwaysConsidered: [{ applies: true, basis: ['rule mm satisfied'] }] });
  });

  it('given the same learner plus an unrelated item, when evaluated, then the residency outcome does not change', () => {
    const a = evaluateProgram(program, [mm('m1'), mm('m2')], ref).residency;
    const b = evaluateProgram(program, [mm('m1'), mm('m2'), item('u')], ref).residency;
    expect(b).toEqual(a);
  });

  it('given one MicroMasters item, when evaluated, then the condition fails and the reason is given', () => {
    const r = evaluateProgram(program, [mm('m1'), item('u1'), item('u2')], ref);
    expect(r.residency).toMatchObject({ outcome: 'standard', pathwaysConsidered: [{ applies: false, reasons: ['rule mm is not satisfied'] }] });
  });

  it('given a cap on an ancestor of the rule, when the rule could only be met beyond the cap, then the condition fails', () => {
    const capped: Program = { ...program, requirements: { ...program.requirements, limits: [{ maxItems: 1, filter: { source: 'transfer' } }] } };
    expect(evaluateProgram(capped, [mm('m1'), mm('m2')], ref).residency.outcome).toBe('standard');
  });

  it('given a waiver on the rule named by the condition, when the learner has no qualifying items, then the rule counts as satisfied in the tree but does not unlock the pathway', () => {
    const r = evaluateProgram(program, [], { ...ref, exceptions: [{ id: 'w1', kind: 'waive', path: 'root/mm', programVersion: '2026' }] });
    expect(r.nodes.find((n) => n.id === 'mm')).toMatchObject({ status: 'satisfied', waivedBy: 'w1' });
    expect(r.residency.outcome).toBe('standard');
  });

  it('given a substitution into the rule, when it completes the rule, then it counts for the condition', () => {
    const r = evaluateProgram(program, [mm('m1'), item('s')], { ...ref, exceptions: [{ id: 's1', kind: 'substitute', path: 'root/mm', programVersion: '2026', itemId: 's' }] });
    expect(r.residency.outcome).toBe('reduced');
  });
});
