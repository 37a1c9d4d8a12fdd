import { learnerRecordOf } from '../src';
import { completed, LEARNER, registered } from './records.fixtures';

describe('learnerRecordOf', () => {
  const award = {
    type: 'MicroCredentialAwarded',
    id: 'evt-award',
    position: 41,
    data: { learnerId: LEARNER, credentialId: 'mm1', issuerId: 'mitx', type: 'MicroMasters', code: 'MITx-SCM-MM', completionIds: ['c1'], complete: true },
  };

  it('folds current grades after regrades, credential refs, revocations and evidence refs', () => {
    const record = learnerRecordOf([
      { ...registered, id: 'evt-reg', position: 1 },
      { ...completed('c1'), id: 'evt-c1', position: 2 },
      { ...completed('c2'), id: 'evt-c2', position: 3 },
      { type: 'InstitutionRegistered', data: {} },
      {
        type: 'CompletionCorrected',
        id: 'evt-fix',
        position: 4,
        data: { learnerId: LEARNER, completionId: 'c1', issuerId: 'mitx', previousGrade: { scale: 'percent', value: '86' }, grade: { scale: 'percent', value: '90' }, reason: 'remark', correctedOn: '2025-06-01' },
      },
      award,
      { type: 'MicroCredentialRevoked', id: 'evt-rev', position: 50, data: { learnerId: LEARNER, credentialId: 'mm1', issuerId: 'mitx', reason: 'fraud', revokedOn: '2025-09-01' } },
    ]);
    expect(record).toMatchObject({ learnerId: LEARNER, registered: true, registeredBy: 'mitx' });
    const [c1, c2] = record.completions;
    expect(c1).toMatchObject({
      completionId: 'c1',
      grade: { scale: 'percent', value: '90' },
      originalGrade: { scale: 'percent', value: '86' },
      evidence: { eventId: 'evt-c1', position: 2 },
      credentials: [{ credentialId: 'mm1', type: 'MicroMasters', code: 'MITx-SCM-MM', complete: true, revoked: true }],
    });
    expect(c1.corrections).toHaveLength(1);
    expect(c1.corrections[0].evidence).toEqual({ eventId: 'evt-fix', position: 4 });
    expect(c2.credentials).toEqual([]);
    expect(record.credentials).toHaveLength(1);
    expect(record.credentials[0]).toMatchObject({
      credentialId: 'mm1',
      revoked: true,
      revocation: { reason: 'fraud', revokedOn: '2025-09-01', evidence: { eventId: 'evt-rev', position: 50 } },
      evidence: { eventId: 'evt-award', position: 41 },
    });
  });

  it('gives an empty, unregistered record for no events, and refs are null without ids', () => {
    expect(learnerRecordOf([])).toMatchObject({ registered: false, completions: [], credentials: [] });
    expect(learnerRecordOf([registered, completed('c1')]).completions[0].evidence).toEqual({ eventId: null, position: null });
  });
});
