import { evaluateProgram, evaluateRecognition, LearnerItem, parseProgram, parseRecognitionPolicy, RecognitionEvidence } from '@app/requirements';
import { programs, policies } from '../fixtures';

describe('recognition feeding program evaluation (MIT SCM blended)', () => {
  const program = parseProgram(programs.scmProgram);
  const policy = parseRecognitionPolicy(policies.scmPolicy);
  const credential = { id: 'cred-1', code: 'MITx-SCM-MM', type: 'MicroMasters', complete: true };
  const evidence: RecognitionEvidence[] = ['SC0x', 'SC1x', 'SC2x', 'SC3x', 'SC4x', 'CFx'].map((c, k) => ({
    id: `ev-${k}`, kind: 'course', issuer: 'MITx', code: `CTL.${c}`, credits: 1, unit: 'MIT_UNIT', level: 'EQF7', grade: 90, date: `2025-0${k + 1}-01`, credential, evidenceEventId: `evt-${k}`,
  }));
  const campus: LearnerItem[] = [
    { id: 'cap', source: 'home', courseId: 'SCM.290', credits: 15, unit: 'MIT_UNIT', grade: 'A', date: '2027-05-01', inResidence: true },
    ...[1, 2, 3, 4, 5].map((n): LearnerItem => ({ id: `e${n}`, source: 'home', courseId: `SCM.27${n}`, credits: 6, unit: 'MIT_UNIT', field: 'supply-chain', grade: 'B', date: '2027-05-01', inResidence: true })),
  ];

  it('given the complete MicroMasters as evidence and an admitted learner, when recognized and then evaluated, then the blended route is satisfied and each claim traces to its evidence event', () => {
    if (!program.ok || !policy.ok) throw new Error('fixtures must parse');
    const recognition = evaluateRecognition(policy.policy, evidence, { referenceDate: '2026-09-01', admitted: true });
    expect(recognition.totals.grantedCount).toBe(6);
    expect(recognition.cap).toMatchObject({ maxCredits: { exact: '45' }, granted: { exact: '45' }, remaining: { exact: '0' } });
    const r = evaluateProgram(program.program, [...recognition.recognizedItems, ...campus], {
      referenceDate: '2027-06-01', admitted: true, credentialsHeld: [{ ...credential, issuer: 'MITx', awardedOn: '2025-09-01' }],
    });
    expect(r.requirementsSatisfied).toBe(true);
    expect(r.residency).toMatchObject({ outcome: 'reduced', pathway: { id: 'blended' }, requirement: { months: 5 } });
    expect(r.claims.find((c) => c.ruleId === 'sc0x')).toMatchObject({ itemId: 'recognized:ev-0', evidenceEventId: 'evt-0' });
  });
});
