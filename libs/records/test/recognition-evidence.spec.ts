import { evaluateRecognition, RecognitionPolicy } from '@app/requirements';
import { engineGradeOf, heldCredentialsOf, learnerRecordOf, recognitionEvidenceOf } from '../src';
import { completed, LEARNER, registered, sc0x } from './records.fixtures';

const awarded = (credentialId: string, completionIds: string[], complete: boolean) => ({
  type: 'MicroCredentialAwarded',
  id: `evt-${credentialId}`,
  data: {
    learnerId: LEARNER, credentialId, issuerId: 'mitx', type: 'MicroMasters', code: 'MITx-SCM-MM', title: 'SCM MicroMasters', awardingBody: 'MITx', country: 'US',
    issuedOn: '2025-06-30', learningOutcomes: ['x'], workload: { credits: '8', unit: 'US_SEMESTER', ects: '16' }, eqfLevel: 7, assessmentType: 'proctored-exam',
    participation: 'online', qualityAssurance: 'qa', prerequisites: [], identityVerified: true, grade: null, stackability: 'stackable', furtherInformation: null, completionIds, complete,
  },
});

const sc1x = { ...sc0x, courseId: 'mitx-ctl.sc1x', title: 'Supply Chain Fundamentals' };

describe('recognition evidence from a learner record', () => {
  const record = learnerRecordOf([
    registered,
    { ...completed('c1'), id: 'evt-c1' },
    { ...completed('c2', sc1x, { grade: { scale: 'numeric-4', value: '3.7' } }), id: 'evt-c2' },
    awarded('badge', ['c1'], false),
    { type: 'MicroCredentialRevoked', id: 'evt-rev', data: { learnerId: LEARNER, credentialId: 'badge', issuerId: 'mitx', reason: 'error', revokedOn: '2025-07-01' } },
    awarded('mm', ['c1', 'c2'], true),
    { type: 'CompletionCorrected', id: 'evt-fix', data: { learnerId: LEARNER, completionId: 'c1', issuerId: 'mitx', previousGrade: { scale: 'percent', value: '86' }, grade: { scale: 'letter', value: 'A' }, reason: 'r', correctedOn: '2025-07-02' } },
  ]);

  it('maps completions and non-revoked credentials without loss of what the engine reads', () => {
    const evidence = recognitionEvidenceOf(record);
    expect(evidence.map((e) => e.id)).toEqual(['completion:c1', 'completion:c2', 'credential:mm']);
    expect(evidence[0]).toEqual({
      id: 'completion:c1', kind: 'course', issuer: 'mitx', code: sc0x.courseId, title: sc0x.title, credits: '4', unit: 'US_SEMESTER', level: 'EQF7', field: 'supply-chain',
      grade: { scale: 'letter', value: 'A' }, date: '2025-05-20', identityVerified: true, assessmentType: 'proctored-exam', credential: { id: 'mm', code: 'MITx-SCM-MM', type: 'MicroMasters', complete: true }, tags: ['core'], evidenceEventId: 'evt-fix',
    });
    expect(evidence[1].grade).toEqual({ scale: 'percent', value: '92.5' });
    expect(evidence[2]).toMatchObject({ kind: 'credential', code: 'MITx-SCM-MM', credits: '8', unit: 'US_SEMESTER', date: '2025-06-30', credential: { id: 'mm', complete: true }, evidenceEventId: 'evt-mm' });
    expect(heldCredentialsOf(record)).toEqual([{ id: 'mm', code: 'MITx-SCM-MM', title: 'SCM MicroMasters', type: 'MicroMasters', issuer: 'mitx', complete: true, awardedOn: '2025-06-30', evidenceEventId: 'evt-mm' }]);
  });

  it('maps every grade scale onto one the engine reads', () => {
    expect(engineGradeOf({ scale: 'pass-fail', value: 'pass' })).toEqual({ scale: 'pass-fail', value: 'P' });
    expect(engineGradeOf({ scale: 'numeric-4', value: '4' })).toEqual({ scale: 'percent', value: '100' });
  });

  it('is accepted as is by the recognition engine', () => {
    const policy: RecognitionPolicy = {
      id: 'p', version: '1', effectiveFrom: '2025-01-01', receivingInstitution: 'hes', creditUnit: 'US_SEMESTER', acceptedIssuers: ['mitx'],
      unmatched: 'elective', completeCredentialRequired: true, levels: ['EQF7'], minGrade: 60,
    };
    const result = evaluateRecognition(policy, recognitionEvidenceOf(record).filter((e) => e.kind === 'course'), { referenceDate: '2026-01-01' });
    expect(result.decisions.map((d) => [d.evidenceId, d.decision])).toEqual([['completion:c1', 'granted'], ['completion:c2', 'granted']]);
  });
});
