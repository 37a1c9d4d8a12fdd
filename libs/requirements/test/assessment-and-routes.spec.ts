import { evaluateProgram, evaluateRecognition, LearnerItem, parseProgram, RecognitionEvidence } from '@app/requirements';
import { policy, program } from './parsed-definitions';

/**
 * Issue 21, items 1 and 5, in the engine: program filters and equivalencies that ask how the
 * learning was assessed (proctored, identity verified), and a program with no standard route.
 */

const OPTIONS = { referenceDate: '2026-06-01' };
const item = (id: string, extra: Partial<LearnerItem> = {}): LearnerItem => ({ id, source: 'transfer', courseId: 'ECON.1', title: 'Microeconomics', code: 'mitx.14.100x', credits: 12, unit: 'ECTS', date: '2026-01-10', ...extra });

const proctoredProgram = (residency?: unknown) => program({
  id: 'p', version: '2026', creditUnit: 'ECTS', totalCredits: 12,
  requirements: { id: 'micro', course: 'ECON.1', filter: { assessmentTypes: ['proctored-exam'], identityVerified: true } },
  ...(residency ? { residency } : {}),
});

describe('program filters on assessment', () => {
  it('given a rule asking for a proctored, identity-verified exam, when the item was proctored and verified, then it counts', () => {
    const r = evaluateProgram(proctoredProgram(), [item('i', { assessmentType: 'proctored-exam', identityVerified: true })], OPTIONS);
    expect(r.requirementsSatisfied).toBe(true);
  });

  it.each([
    ['online-assessment, verified', 'ASSESSMENT_NOT_ACCEPTED', { assessmentType: 'online-assessment', identityVerified: true }],
    ['no assessment stated', 'ASSESSMENT_NOT_ACCEPTED', { identityVerified: true }],
    ['proctored, identity not verified', 'IDENTITY_NOT_VERIFIED', { assessmentType: 'proctored-exam', identityVerified: false }],
    ['proctored, identity not stated', 'IDENTITY_NOT_VERIFIED', { assessmentType: 'proctored-exam' }],
  ] as [string, string, Partial<LearnerItem>][])('given the same rule, when the item is %s, then it does not count and the note gives %s', (_what, reason, extra) => {
    const r = evaluateProgram(proctoredProgram(), [item('i', extra)], OPTIONS);
    expect(r.requirementsSatisfied).toBe(false);
    const notes = r.missing.flatMap((m) => m.notes ?? []);
    expect(notes.some((n) => n.includes(`[${reason}]`) && n.includes('Microeconomics'))).toBe(true);
  });

  it('given the same rule, when an item is missing, then what `missing` asks for carries the assessment criteria', () => {
    const r = evaluateProgram(proctoredProgram(), [], OPTIONS);
    const need = r.missing.find((m) => m.rulePath === 'micro')?.need;
    expect(need).toEqual(expect.objectContaining({ kind: 'course', matching: expect.objectContaining({ assessmentTypes: ['proctored-exam'], identityVerified: true }) }));
    expect(r.completion?.verified).toBe(true);
  });

  it('given an assessment type outside the records vocabulary, when parsed, then it is refused with its pointer', () => {
    const parsed = parseProgram({ id: 'p', version: '2026', creditUnit: 'ECTS', totalCredits: 1, requirements: { id: 'r', count: 1, filter: { assessmentTypes: ['proctored'] } } });
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.path)).toContain('/requirements/filter/assessmentTypes/0');
  });
});

describe('equivalency conditions on assessment', () => {
  const raw = {
    id: 'pol', version: '1', effectiveFrom: '2026-01-01', receivingInstitution: 'mit', creditUnit: 'ECTS', acceptedIssuers: ['mitx'],
    equivalencies: [
      { id: 'micro', match: { issuer: 'mitx', code: 'mitx.14.100x' }, grant: { as: 'course', courseId: 'ECON.1' }, assessmentTypes: ['proctored-exam'], identityVerifiedRequired: true },
      { id: 'other', match: { issuer: 'mitx', code: 'mitx.14.73x' }, grant: { as: 'course', courseId: 'ECON.2' } },
    ],
  };
  const ev = (id: string, code: string, extra: Partial<RecognitionEvidence>): RecognitionEvidence => ({ id, kind: 'course', issuer: 'mitx', code, credits: 6, unit: 'ECTS', date: '2026-01-10', ...extra });

  it('given an equivalency asking for a proctored, verified exam, when evidence meets it, then it is granted; another equivalency asks nothing', () => {
    const r = evaluateRecognition(policy(raw), [ev('a', 'mitx.14.100x', { assessmentType: 'proctored-exam', identityVerified: true }), ev('b', 'mitx.14.73x', { assessmentType: 'online-assessment' })], OPTIONS);
    expect(r.decisions.map((d) => [d.evidenceId, d.decision])).toEqual([['a', 'granted'], ['b', 'granted']]);
  });

  it('given the same equivalency, when the exam was online and unverified, then it is denied with both reasons, naming the equivalency', () => {
    const r = evaluateRecognition(policy(raw), [ev('a', 'mitx.14.100x', { assessmentType: 'online-assessment', identityVerified: false })], OPTIONS);
    const d = r.decisions[0];
    expect({ decision: d.decision, reasons: [...d.reasons].sort() }).toEqual({ decision: 'denied', reasons: ['ASSESSMENT_NOT_ACCEPTED', 'IDENTITY_NOT_VERIFIED'] });
    expect(d.messages.some((m) => m.includes('equivalency micro'))).toBe(true);
  });

  it('given a policy-wide and an equivalency condition that both fail, when evaluated, then the reason is reported once', () => {
    const both = { ...raw, assessmentTypes: ['proctored-exam'] };
    const r = evaluateRecognition(policy(both), [ev('a', 'mitx.14.100x', { assessmentType: 'online-assessment', identityVerified: true })], OPTIONS);
    expect(r.decisions[0].reasons.filter((x) => x === 'ASSESSMENT_NOT_ACCEPTED')).toHaveLength(1);
  });
});

describe('a program with no standard route (pathways only)', () => {
  const routes = { reducedPathways: [{ id: 'blended', requires: [{ credential: { code: 'MITx-DEDP-MM' } }], residency: { months: 5, terms: 1 } }] };

  it('given no standard route, when the pathway credential is held, then the pathway applies', () => {
    const r = evaluateProgram(proctoredProgram(routes), [], { ...OPTIONS, credentialsHeld: [{ id: 'k', code: 'MITx-DEDP-MM', complete: true }] });
    expect({ outcome: r.residency.outcome, pathway: r.residency.pathway?.id, standard: r.residency.standard }).toEqual({ outcome: 'reduced', pathway: 'blended', standard: null });
  });

  it('given no standard route, when no pathway applies, then the learner is not eligible and `missing` says why', () => {
    const r = evaluateProgram(proctoredProgram(routes), [], OPTIONS);
    expect({ outcome: r.residency.outcome, satisfied: r.residency.satisfied, standard: r.residency.standard }).toEqual({ outcome: 'not-eligible', satisfied: false, standard: null });
    expect(r.missing.find((m) => m.need?.kind === 'residency')?.message).toMatch(/^Not eligible for this program: .*no MITx-DEDP-MM credential held/);
  });

  it('given residency with neither a standard route nor a pathway, when parsed, then it is refused at /residency', () => {
    const parsed = parseProgram({ id: 'p', version: '2026', creditUnit: 'ECTS', totalCredits: 1, requirements: { id: 'r', count: 1 }, residency: { reducedPathways: [] } });
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.path)).toContain('/residency');
  });
});
