import { evaluateTransfer, RecognitionEvidence } from '@app/requirements';
import { policy, program } from './parsed-definitions';


const ref = { referenceDate: '2026-09-01', admitted: true };

/** A pathway: three articulated courses (from a MicroMasters) + 12 elective credits; the policy caps transfer at 12. */
const pathway = program({
  id: 'ms', version: '2026-2027', creditUnit: 'ECTS', totalCredits: 24,
  requirements: {
    id: 'ms',
    allOf: [
      { id: 'core', label: 'Articulated core', allOf: [{ id: 'a', course: 'MS.A' }, { id: 'b', course: 'MS.B' }, { id: 'c', course: 'MS.C' }] },
      { id: 'electives', credits: 12, filter: { source: 'home' } },
    ],
  },
});
const capped = (extra: object = {}) => policy({
  id: 'pol', version: '1', effectiveFrom: '2026-01-01', receivingInstitution: 'U', creditUnit: 'ECTS', acceptedIssuers: ['X'], unmatched: 'elective',
  transferCap: { maxCredits: 12 },
  equivalencies: [
    { id: 'a', match: { issuer: 'X', code: 'X.A' }, grant: { as: 'course', courseId: 'MS.A' } },
    { id: 'b', match: { issuer: 'X', code: 'X.B' }, grant: { as: 'course', courseId: 'MS.B' } },
    { id: 'c', match: { issuer: 'X', code: 'X.C' }, grant: { as: 'course', courseId: 'MS.C' } },
  ],
  ...extra,
});
const course = (id: string, code: string, date: string, extra: Partial<RecognitionEvidence> = {}): RecognitionEvidence => ({
  id, kind: 'course', issuer: 'X', code, title: `Course ${code}`, credits: 4, unit: 'ECTS', level: 'EQF7', grade: 90, date, ...extra,
});

describe('evaluateTransfer: the transfer cap is part of the program search (engine 2.x)', () => {
  // two older loose courses would use the cap up in date order and leave the articulated core short
  const evidence = [course('loose-1', 'X.L1', '2020-01-10'), course('loose-2', 'X.L2', '2020-02-10'), course('a', 'X.A', '2025-01-10'), course('b', 'X.B', '2025-02-10'), course('c', 'X.C', '2025-03-10')];

  it('given a binding cap, when evaluated under engine 1.1.0, then the cap is spent in date order and the core is reported missing (the defect)', () => {
    const { recognition, evaluation } = evaluateTransfer(pathway, capped(), evidence, { ...ref, engineVersion: '1.1.0' });
    expect(recognition.decisions.find((d) => d.evidenceId === 'loose-1')?.decision).toBe('granted');
    expect(recognition.decisions.find((d) => d.evidenceId === 'c')?.decision).toBe('denied');
    expect(evaluation.nodes.find((n) => n.id === 'core')?.status).not.toBe('satisfied');
  });

  it('given a binding cap, when evaluated, then the articulated courses get the cap, the core is satisfied, and each loose course says who used the cap and why', () => {
    const { recognition, evaluation } = evaluateTransfer(pathway, capped(), evidence, ref);
    const d = (id: string) => recognition.decisions.find((x) => x.evidenceId === id);
    expect(['a', 'b', 'c'].map((id) => d(id)?.decision)).toEqual(['granted', 'granted', 'granted']);
    expect(d('loose-1')).toMatchObject({ decision: 'denied', reasons: ['CAP_EXCEEDED'] });
    expect(d('loose-1')?.messages.join(' ')).toMatch(/transfer cap of 12 ECTS used by X\.A \(4\), X\.B \(4\), X\.C \(4\)/);
    expect(d('loose-1')?.messages.join(' ')).toMatch(/more requirement\(s\) unsatisfied/);
    expect(evaluation.nodes.find((n) => n.id === 'core')?.status).toBe('satisfied');
    expect(recognition.cap).toMatchObject({ granted: { exact: '12' }, remaining: { exact: '0' } });
  });

  it('given two loose courses that serve the program equally, when the cap has room for one, then the policy priority decides, and without priorities the older one', () => {
    const loose = [course('old', 'X.L1', '2020-01-10'), course('new', 'X.L2', '2021-01-10')];
    const onlyOne = capped({ transferCap: { maxCredits: 4 } });
    expect(evaluateTransfer(pathway, onlyOne, loose, ref).recognition.decisions.map((x) => x.decision)).toEqual(['granted', 'denied']);
    const preferNew = capped({ transferCap: { maxCredits: 4 }, equivalencies: [{ id: 'l2', match: { code: 'X.L2' }, grant: { as: 'elective' }, priority: 5 }] });
    expect(evaluateTransfer(pathway, preferNew, loose, ref).recognition.decisions.map((x) => x.decision)).toEqual(['denied', 'granted']);
  });

  it('given room left after whole grants, when the next piece does not fit, then it is partially granted as elective credit', () => {
    const r = evaluateTransfer(pathway, capped({ transferCap: { maxCredits: 14 } }), evidence, ref).recognition;
    const partial = r.decisions.filter((x) => x.decision === 'partially-granted');
    expect(partial).toHaveLength(1);
    expect(partial[0]).toMatchObject({ evidenceId: 'loose-1', creditsGranted: { exact: '2' }, grantedAs: { as: 'elective' } });
  });
});

describe('evaluateTransfer: a credential is recognised as a whole or through its components, never both (engine 2.x)', () => {
  const mm = { id: 'cred-1', code: 'X-MM', type: 'MicroMasters', complete: true };
  const stack = ['X.A', 'X.B', 'X.C'].map((code, k) => course(`c${k}`, code, `2025-0${k + 1}-10`, { credential: mm }));
  const credential: RecognitionEvidence = { id: 'cred-1', kind: 'credential', issuer: 'X', code: 'X-MM', title: 'MicroMasters in X', credits: 12, unit: 'ECTS', level: 'EQF7', date: '2025-04-01', credential: mm };
  const open = (extra: object = {}) => capped({ transferCap: undefined, ...extra });

  it('given unmatched evidence granted as elective, when evaluated under engine 1.1.0, then the credential is granted on top of its components (the defect)', () => {
    const { recognition } = evaluateTransfer(pathway, open(), [...stack, credential], { ...ref, engineVersion: '1.1.0' });
    expect(recognition.decisions.find((d) => d.evidenceId === 'cred-1')).toMatchObject({ decision: 'granted', creditsGranted: { exact: '12' } });
    expect(recognition.totals.granted.exact).toBe('24');
  });

  it('given no rule for the credential and no equivalency naming it, when evaluated, then it is recognised through its components, with no credit of its own', () => {
    const { recognition } = evaluateTransfer(pathway, open(), [...stack, credential], ref);
    expect(recognition.decisions.find((d) => d.evidenceId === 'cred-1')).toMatchObject({ decision: 'recognized', creditsGranted: { exact: '0' }, reasons: ['RECOGNIZED_THROUGH_COMPONENTS'] });
    expect(recognition.totals).toMatchObject({ granted: { exact: '12' }, grantedCount: 3, recognizedCount: 1, deniedCount: 0 });
  });

  it('given a rule recognising the credential as a whole, when evaluated, then its components count only through it', () => {
    const whole = open({ credentials: [{ id: 'mm', match: { code: 'X-MM' }, recognize: 'whole' }] });
    const { recognition } = evaluateTransfer(pathway, whole, [...stack, credential], ref);
    expect(recognition.decisions.find((d) => d.evidenceId === 'cred-1')).toMatchObject({ decision: 'granted', creditsGranted: { exact: '12' }, grantedAs: { as: 'elective' } });
    for (const id of ['c0', 'c1', 'c2']) expect(recognition.decisions.find((d) => d.evidenceId === id)).toMatchObject({ decision: 'denied', reasons: ['COUNTED_IN_CREDENTIAL'] });
    expect(recognition.totals.granted.exact).toBe('12');
  });

  it('given a rule requiring this credential complete, when it is incomplete, then its components are denied and a loose course of the same issuer still counts', () => {
    const incomplete = { ...mm, complete: false };
    const components = stack.map((c) => ({ ...c, credential: incomplete }));
    const loose = course('loose', 'X.L1', '2024-01-10');
    const rule = open({ credentials: [{ id: 'mm', match: { code: 'X-MM' }, recognize: 'components', completeRequired: true }] });
    const { recognition } = evaluateTransfer(pathway, rule, [...components, loose], ref);
    for (const id of ['c0', 'c1', 'c2']) expect(recognition.decisions.find((d) => d.evidenceId === id)).toMatchObject({ decision: 'denied', reasons: ['CREDENTIAL_INCOMPLETE'] });
    expect(recognition.decisions.find((d) => d.evidenceId === 'loose')?.decision).toBe('granted');
  });
});
