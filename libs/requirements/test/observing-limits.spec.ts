import { evaluateProgram, LearnerItem, Program, RequirementNode } from '@app/requirements';

const item = (id: string, extra: Partial<LearnerItem> = {}): LearnerItem => ({ id, source: 'home', credits: 3, unit: 'ECTS', date: '2025-06-01', ...extra });
const ref = { referenceDate: '2026-06-01' };
const program = (requirements: RequirementNode): Program => ({ id: 'p', version: '1', creditUnit: 'ECTS', totalCredits: 1, requirements });
const obs = (r: ReturnType<typeof evaluateProgram>) => r.nodes.find((n) => n.id === 'obs');

describe('observing checks apply limits like claims do', () => {
  it('given an observing credits check with a transfer cap and only home credit, when evaluated, then the cap clips nothing', () => {
    const p = program({ id: 'obs', credits: 20, observe: true, limits: [{ maxCredits: 5, filter: { source: 'transfer' } }] });
    const r = evaluateProgram(p, Array.from({ length: 8 }, (_, k) => item(`h${k}`)), ref);
    expect(obs(r)).toMatchObject({ status: 'satisfied', progress: { have: { exact: '24' } } });
  });

  it('given a credit cap that would split an item, when observed, then only whole items count', () => {
    const p = program({ id: 'obs', credits: 5, observe: true, limits: [{ maxCredits: 5, filter: { source: 'transfer' } }] });
    const r = evaluateProgram(p, [item('t1', { source: 'transfer' }), item('t2', { source: 'transfer' })], ref);
    expect(obs(r)).toMatchObject({ status: 'partial', progress: { have: { exact: '3' } }, claimedItems: ['t1'] });
  });

  it('given an observing credits check with an item cap, when observed, then the largest items within the cap count', () => {
    const p = program({ id: 'obs', credits: 9, observe: true, limits: [{ maxItems: 1, filter: { source: 'transfer' } }] });
    const r = evaluateProgram(p, [item('t1', { source: 'transfer', credits: 2 }), item('t2', { source: 'transfer', credits: 6 }), item('h', { credits: 3 })], ref);
    expect(obs(r)).toMatchObject({ status: 'satisfied', progress: { have: { exact: '9' } }, claimedItems: ['h', 't2'] });
  });

  it('given an observing count check with a credit cap, when observed, then the cap limits the items counted', () => {
    const p = program({ id: 'obs', count: 3, observe: true, limits: [{ maxCredits: 4, filter: { source: 'transfer' } }] });
    const r = evaluateProgram(p, [item('t1', { source: 'transfer' }), item('t2', { source: 'transfer' }), item('h')], ref);
    expect(obs(r)).toMatchObject({ status: 'partial', progress: { have: { exact: '2' } } });
  });

  it('given a cap on an ancestor, when an observing check below it is evaluated, then the inherited cap applies', () => {
    const p = program({ id: 'root', limits: [{ maxItems: 1, filter: { source: 'transfer' } }], allOf: [{ id: 'obs', count: 2, observe: true }] });
    const r = evaluateProgram(p, [item('t1', { source: 'transfer' }), item('t2', { source: 'transfer' })], ref);
    expect(obs(r)).toMatchObject({ status: 'partial', progress: { have: { exact: '1' } } });
  });
});
