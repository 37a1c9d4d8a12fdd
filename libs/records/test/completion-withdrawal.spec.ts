import { given } from '@app/testing';
import { heldCredentialsOf, LearnerEvent, learnerDecider, learnerRecordOf, recognitionEvidenceOf, WithdrawCompletion } from '../src';
import { completed, GTX, LEARNER, MITX, registered, sc0x } from './records.fixtures';

const sc1x = { ...sc0x, courseId: 'mitx-ctl.sc1x', title: 'Supply Chain Fundamentals' };
const withdraw = (over: Partial<WithdrawCompletion> = {}): WithdrawCompletion => ({
  kind: 'WithdrawCompletion', learnerId: LEARNER, completionId: 'c1', actor: MITX, reason: 'recorded on the wrong learner', withdrawnOn: '2025-07-01', ...over,
});
const withdrawn: LearnerEvent = { type: 'CompletionWithdrawn', data: { learnerId: LEARNER, completionId: 'c1', issuerId: 'mitx', reason: 'recorded on the wrong learner', withdrawnOn: '2025-07-01' } };
const awarded = (credentialId: string, completionIds: string[], complete: boolean): LearnerEvent => ({
  type: 'MicroCredentialAwarded',
  data: {
    learnerId: LEARNER, credentialId, issuerId: 'mitx', type: complete ? 'MicroMasters' : 'digital-badge', code: complete ? 'MITx-SCM-MM' : null, title: 'SCM', awardingBody: 'MITx', country: 'US',
    issuedOn: '2025-06-30', learningOutcomes: ['x'], workload: { credits: '8', unit: 'US_SEMESTER', ects: '16' }, eqfLevel: 7, assessmentType: 'proctored-exam',
    participation: 'online', qualityAssurance: 'qa', prerequisites: [], identityVerified: true, grade: null, stackability: 'stackable', furtherInformation: null, completionIds, complete, definition: null,
  },
});
const revoked = (credentialId: string): LearnerEvent => ({ type: 'MicroCredentialRevoked', data: { learnerId: LEARNER, credentialId, issuerId: 'mitx', reason: 'issued in error', revokedOn: '2025-06-30' } });

describe('learner decider: WithdrawCompletion', () => {
  it('withdraws a completion recorded in error, with the reason', () => {
    given(learnerDecider, [registered, completed('c1')]).when(withdraw()).then([withdrawn]);
  });
  it('withdraws a completion in the stack of an incomplete credential, or of a revoked complete one', () => {
    given(learnerDecider, [registered, completed('c1'), awarded('badge', ['c1'], false)]).when(withdraw()).then([withdrawn]);
    given(learnerDecider, [registered, completed('c1'), awarded('mm', ['c1'], true), revoked('mm')]).when(withdraw()).then([withdrawn]);
  });
  it('refuses a completion in the stack of a complete credential that is not revoked (409): revoke the credential first', () => {
    const error = given(learnerDecider, [registered, completed('c1'), awarded('mm', ['c1'], true)]).when(withdraw()).thenRefuses('conflict', 'completion-in-complete-credential');
    expect(error.message).toContain('mm');
  });
  it('refuses an unknown learner or completion (404)', () => {
    given(learnerDecider, []).when(withdraw()).thenRefuses('not-found', 'learner-not-found');
    given(learnerDecider, [registered]).when(withdraw()).thenRefuses('not-found', 'completion-not-found');
  });
  it('refuses another issuer (403)', () => {
    given(learnerDecider, [registered, completed('c1')]).when(withdraw({ actor: GTX })).thenRefuses('forbidden', 'not-completion-issuer');
  });
  it('refuses withdrawing twice (409) and a bad date (400)', () => {
    given(learnerDecider, [registered, completed('c1'), withdrawn]).when(withdraw()).thenRefuses('conflict', 'completion-already-withdrawn');
    given(learnerDecider, [registered, completed('c1')]).when(withdraw({ withdrawnOn: '2025-02-30x' })).thenRefuses('invalid', 'invalid-date');
  });
  it('refuses regrading a withdrawn completion, and a new credential over it (409)', () => {
    const correct = { kind: 'CorrectCompletion' as const, learnerId: LEARNER, completionId: 'c1', actor: MITX, grade: { scale: 'percent' as const, value: '91' }, reason: 'r', correctedOn: '2025-07-02' };
    given(learnerDecider, [registered, completed('c1'), withdrawn]).when(correct).thenRefuses('conflict', 'completion-withdrawn');
    const award = {
      kind: 'AwardCredential' as const, learnerId: LEARNER, credentialId: 'k9', actor: MITX, awardingBody: 'MITx', country: 'US', type: 'digital-badge' as const, title: 'badge', issuedOn: '2025-07-10',
      learningOutcomes: ['x'], workload: { credits: '1', unit: 'US_SEMESTER' as const, ects: '2' }, eqfLevel: 7, assessmentType: 'proctored-exam' as const, participation: 'online' as const,
      qualityAssurance: 'qa', completionIds: ['c1'], complete: false,
    };
    given(learnerDecider, [registered, completed('c1'), withdrawn]).when(award).thenRefuses('conflict', 'completion-withdrawn');
  });
});

describe('a withdrawn completion in the fold and the evidence', () => {
  const record = learnerRecordOf([
    registered,
    completed('c1'),
    completed('c2', sc1x),
    awarded('badge', ['c1', 'c2'], false),
    { ...withdrawn, id: 'evt-w', position: 12 },
  ]);

  it('is kept on the record, marked with the reason and the event, and leaves the credentials’ stacks', () => {
    expect(record.completions[0].withdrawal).toEqual({ reason: 'recorded on the wrong learner', withdrawnOn: '2025-07-01', evidence: { eventId: 'evt-w', position: 12 } });
    expect(record.completions[1].withdrawal).toBeNull();
    expect(record.credentials[0]).toMatchObject({ credentialId: 'badge', completionIds: ['c2'], withdrawnCompletionIds: ['c1'] });
  });

  it('is evidence of nothing: recognition evidence lists only the other completion and the credential', () => {
    expect(recognitionEvidenceOf(record).map((e) => e.id)).toEqual(['completion:c2', 'credential:badge']);
    expect(heldCredentialsOf(record).map((k) => k.id)).toEqual(['badge']);
  });

  it('reads a completion folded before withdrawals existed (no withdrawal field) as not withdrawn', () => {
    const { withdrawal: _w, ...old } = record.completions[1];
    expect(recognitionEvidenceOf({ ...record, completions: [old as typeof record.completions[1]] }).map((e) => e.id)).toEqual(['completion:c2', 'credential:badge']);
  });
});
