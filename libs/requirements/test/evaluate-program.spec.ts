import { evaluateProgram, LearnerItem, Program, ProgramEvaluation } from '@app/requirements';

const item = (id: string, extra: Partial<LearnerItem> = {}): LearnerItem => ({ id, source: 'home', credits: 3, unit: 'ECTS', date: '2025-06-01', ...extra });
const program = (requirements: Program['requirements'], extra: Partial<Program> = {}): Program => ({ id: 'p', version: '2026', creditUnit: 'ECTS', totalCredits: 1, requirements, ...extra });
const ref = { referenceDate: '2026-06-01' };
const node = (r: ProgramEvaluation, id: string) => r.nodes.find((n) => n.id === id);

describe('evaluateProgram', () => {
  it('given items where first-fit would take the wrong one, when evaluated, then a satisfying assignment is still found', () => {
    // i1 fits both rules, i2 only the first: greedy gives i1 to "a" and leaves "b" empty.
    const p = program({ id: 'root', allOf: [{ id: 'a', count: 1, filter: { fields: ['x', 'y'] } }, { id: 'b', count: 1, filter: { fields: ['x'] } }] });
    const r = evaluateProgram(p, [item('i1', { field: 'x' }), item('i2', { field: 'y' })], ref);
    expect(r.requirementsSatisfied).toBe(true);
    expect(node(r, 'a')?.claimedItems).toEqual(['i2']);
    expect(node(r, 'b')?.claimedItems).toEqual(['i1']);
  });

  it('given credit sums that only fit one way, when evaluated, then the search finds the packing', () => {
    const p = program({ id: 'root', allOf: [{ id: 'a', credits: 5 }, { id: 'b', credits: 4 }] });
    const items = [item('i1', { credits: 3 }), item('i2', { credits: 2 }), item('i3', { credits: 4 })];
    const r = evaluateProgram(p, items, ref);
    expect(r.requirementsSatisfied).toBe(true);
    expect(node(r, 'a')?.claimedItems).toEqual(['i1', 'i2']);
  });

  it('given one item and two rules, when the rules are not shareable, then it counts once; when declared shareable, then it counts for both', () => {
    const req = { id: 'root', allOf: [{ id: 'a', count: 1 }, { id: 'b', count: 1 }] };
    expect(evaluateProgram(program(req), [item('i1')], ref).requirementsSatisfied).toBe(false);
    const shared = evaluateProgram(program(req, { shareable: [['a', 'b']] }), [item('i1')], ref);
    expect(shared.requirementsSatisfied).toBe(true);
    expect(shared.claims.map((c) => c.ruleId)).toEqual(['a', 'b']);
  });

  it('given a transfer cap as a fraction of the program, when more transfer credit is eligible, then only what fits is claimed and the cap is reported', () => {
    const p = program({ id: 'root', limits: [{ maxFraction: '1/2', filter: { source: 'transfer' } }], allOf: [{ id: 'all', credits: 10 }] }, { totalCredits: 10 });
    const items = [item('t1', { source: 'transfer', credits: 3 }), item('t2', { source: 'transfer', credits: 3 }), item('h1', { credits: 4 })];
    const r = evaluateProgram(p, items, ref);
    expect(r.requirementsSatisfied).toBe(false);
    expect(r.capsApplied[0]).toMatchObject({ applied: true, maxCredits: { exact: '5' }, usedCredits: { exact: '3' } });
    expect(r.creditsBySource.transferCounted.exact).toBe('3');
  });

  it('given an observing check, when evaluated, then it looks at items without consuming them', () => {
    const p = program({ id: 'root', allOf: [{ id: 'a', count: 2 }, { id: 'res', count: 1, observe: true, filter: { inResidence: true } }] });
    const r = evaluateProgram(p, [item('i1', { inResidence: true }), item('i2')], ref);
    expect(r.requirementsSatisfied).toBe(true);
    expect(node(r, 'res')).toMatchObject({ status: 'satisfied', observe: true, claimedItems: ['i1'] });
    expect(node(r, 'a')?.claimedItems).toEqual(['i1', 'i2']);
  });

  it('given a waiver and a substitution for this program version, when evaluated, then both apply and are reported; one for another version is ignored', () => {
    const p = program({ id: 'root', allOf: [{ id: 'a', course: 'A' }, { id: 'b', course: 'B' }, { id: 'c', course: 'C' }] });
    const r = evaluateProgram(p, [item('x1', { courseId: 'Z' })], {
      ...ref,
      exceptions: [
        { id: 'ex1', kind: 'waive', path: 'root/a', programVersion: '2026' },
        { id: 'ex2', kind: 'substitute', path: 'root/b', programVersion: '2026', itemId: 'x1' },
        { id: 'ex3', kind: 'waive', path: 'root/c', programVersion: '2019' },
      ],
    });
    expect(node(r, 'a')).toMatchObject({ status: 'satisfied', waivedBy: 'ex1' });
    expect(node(r, 'b')).toMatchObject({ status: 'satisfied', substitutions: [{ itemId: 'x1', exceptionId: 'ex2' }] });
    expect(node(r, 'c')?.status).toBe('unsatisfied');
    expect(r.exceptions.ignored).toEqual([{ id: 'ex3', path: 'root/c', reason: 'bound to program version 2019, not 2026' }]);
  });

  it('given a recency filter, when an item is older than allowed, then it does not count and the reason is explained', () => {
    const p = program({ id: 'root', allOf: [{ id: 'a', course: 'A', filter: { withinYears: 5 } }] });
    const items = [item('old', { courseId: 'A', date: '2020-01-01' })];
    const legacy = evaluateProgram(p, items, { ...ref, engineVersion: '1.1.0' });
    expect(legacy.requirementsSatisfied).toBe(false);
    expect(legacy.missing.map((m) => m.message)).toContain('old: completed 2020-01-01, more than 5 years before 2026-06-01');
    const r = evaluateProgram(p, items, ref);
    expect(r.missing[0]).toEqual({
      rulePath: 'root/a',
      message: 'Complete A: completed within 5 years',
      need: { kind: 'course', course: 'A', matching: { withinYears: 5 }, source: 'home' },
      notes: ['A does not count here: completed 2020-01-01, more than 5 years before 2026-06-01'],
    });
  });

  it('given an N-of that cannot be met, when evaluated, then progress and what is missing are reported', () => {
    const p = program({ id: 'root', nOf: 2, of: [{ id: 'a', course: 'A' }, { id: 'b', course: 'B' }, { id: 'c', course: 'C' }] });
    const items = [item('i', { courseId: 'B' })];
    const legacy = evaluateProgram(p, items, { ...ref, engineVersion: '1.1.0' });
    expect(legacy.missing[0].message).toBe('root: satisfy 1 more of: a; c');
    const r = evaluateProgram(p, items, ref);
    expect(r.nodes[0]).toMatchObject({ status: 'partial', progress: { have: { exact: '1' }, need: { exact: '2' }, of: 'rules' } });
    expect(r.missing.map((m) => m.message)).toEqual(['Complete A']);
    expect(r.missing[0].notes).toEqual(['root: satisfy 1 more of: a; c (a leaves the least work)']);
    expect(r.completion).toEqual({ items: 1, verified: true, needsException: false, exhaustive: true });
  });

  it('given a required course that an N-of also lists, when the learner holds it and one other option, then missing asks for the third option, never for the held course', () => {
    const p = program({
      id: 'root',
      allOf: [
        { id: 'req', course: 'CS.X' },
        { id: 'electives', nOf: 2, of: [{ id: 'ex', course: 'CS.X' }, { id: 'ey', course: 'CS.Y' }, { id: 'ez', course: 'CS.Z' }] },
      ],
    });
    const items = [item('x', { courseId: 'CS.X', title: 'Intro' }), item('y', { courseId: 'CS.Y' })];
    const legacy = evaluateProgram(p, items, { ...ref, engineVersion: '1.1.0' });
    expect(legacy.missing.map((m) => m.message).join('\n')).toContain('Complete CS.X');
    const r = evaluateProgram(p, items, ref);
    expect(r.missing.map((m) => m.message)).toEqual(['Complete CS.Z']);
    expect(r.claims.map((c) => `${c.itemId}->${c.ruleId}`)).toEqual(['x->req', 'y->ey']);
    expect(JSON.stringify(r.missing)).not.toContain('CS.X"');
  });

  it('given a course two non-shareable rules both name, when the learner holds it once, then missing says only an exception completes it', () => {
    const p = program({ id: 'root', allOf: [{ id: 'a', course: 'CS.X' }, { id: 'b', course: 'CS.X' }] });
    const r = evaluateProgram(p, [item('x', { courseId: 'CS.X', title: 'Intro' })], ref);
    expect(r.missing).toEqual([expect.objectContaining({ rulePath: 'root/b', need: { kind: 'exception', rulePath: 'root/b' } })]);
    expect(r.missing[0].message).toContain('Intro (CS.X) already counts toward root/a');
    expect(r.completion).toMatchObject({ needsException: true, verified: false });
  });

  it('given a program with an admission gate, when the learner is not admitted, then that is what is missing', () => {
    const r = evaluateProgram(program({ id: 'root', count: 0 }, { admissionRequired: true }), [], ref);
    expect(r.admission).toEqual({ required: true, admitted: false, satisfied: false });
    expect(r.missing.map((m) => m.message)).toContain('Admission to the program is required before credit counts toward it');
  });

  it('given a pathway conditioned on a credential with a maximum age, when the credential is complete but too old, then standard residency applies', () => {
    const p = program({ id: 'root', count: 0 }, {
      residency: { standard: { months: 10 }, reducedPathways: [{ id: 'blended', requires: [{ credential: { code: 'MM', maxAgeYears: 3 } }], residency: { months: 5 } }] },
    });
    const held = (awardedOn: string) => ({ credentialsHeld: [{ id: 'c1', code: 'MM', complete: true, awardedOn }] });
    expect(evaluateProgram(p, [], { ...ref, ...held('2020-01-01') }).residency).toMatchObject({ outcome: 'standard', pathwaysConsidered: [{ applies: false }] });
    expect(evaluateProgram(p, [], { ...ref, ...held('2025-01-01') }).residency).toMatchObject({ outcome: 'reduced', requirement: { months: 5 } });
  });

  it('given a pathway conditioned on a main-tree rule, when the rule is satisfied, then it applies', () => {
    const p = program({ id: 'root', allOf: [{ id: 'mm', count: 2, filter: { source: 'transfer' } }] }, {
      residency: { standard: { credits: 30 }, reducedPathways: [{ id: 'r', requires: [{ rule: 'mm' }], residency: { credits: 3 } }] },
    });
    const r = evaluateProgram(p, [item('t1', { source: 'transfer' }), item('t2', { source: 'transfer' }), item('h', { inResidence: true })], ref);
    expect(r.residency).toMatchObject({ outcome: 'reduced', pathway: { id: 'r' }, satisfied: true, progress: { credits: { have: { exact: '3' }, need: { exact: '3' } } } });
  });

  it('given items in any order, when evaluated, then the JSON output is byte-identical', () => {
    const p = program({ id: 'root', allOf: [{ id: 'a', credits: 4 }, { id: 'b', count: 1, filter: { fields: ['x'] } }] });
    const items = [item('i1', { field: 'x' }), item('i2', { credits: '2.5' }), item('i3', { credits: '3/2' })];
    const a = JSON.stringify(evaluateProgram(p, items, ref));
    expect(JSON.stringify(evaluateProgram(p, [...items].reverse(), ref))).toBe(a);
  });

  it('given an item in an unknown unit, when evaluated, then the fault is named', () => {
    expect(() => evaluateProgram(program({ id: 'root', count: 1 }), [item('i', { unit: 'FOO' })], ref)).toThrow(/unknown credit unit "FOO"/);
  });
});
