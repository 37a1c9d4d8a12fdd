import { given } from '@app/testing';
import { AwardCredential, CredentialData, LearnerEvent, learnerDecider, RevokeCredential } from '../src';
import { completed, GTX, gtxCourse, LEARNER, MITX, registered } from './records.fixtures';

const award = (overrides: Partial<AwardCredential> = {}): AwardCredential => ({
  kind: 'AwardCredential',
  learnerId: LEARNER,
  credentialId: 'mm1',
  actor: MITX,
  awardingBody: 'MITx',
  country: 'US',
  type: 'MicroMasters',
  code: 'MITx-SCM-MM',
  title: 'MicroMasters in Supply Chain Management',
  issuedOn: '2025-06-30',
  learningOutcomes: ['Design supply chain networks'],
  workload: { credits: '8', unit: 'US_SEMESTER', ects: '16' },
  eqfLevel: 7,
  assessmentType: 'proctored-exam',
  participation: 'online',
  qualityAssurance: 'MIT internal QA',
  completionIds: ['c1', 'c2'],
  complete: true,
  ...overrides,
});

const awarded = (overrides: Partial<CredentialData> = {}): LearnerEvent => ({
  type: 'MicroCredentialAwarded',
  data: {
    learnerId: LEARNER,
    credentialId: 'mm1',
    issuerId: 'mitx',
    type: 'MicroMasters',
    code: 'MITx-SCM-MM',
    title: 'MicroMasters in Supply Chain Management',
    awardingBody: 'MITx',
    country: 'US',
    issuedOn: '2025-06-30',
    learningOutcomes: ['Design supply chain networks'],
    workload: { credits: '8', unit: 'US_SEMESTER', ects: '16' },
    eqfLevel: 7,
    assessmentType: 'proctored-exam',
    participation: 'online',
    qualityAssurance: 'MIT internal QA',
    prerequisites: [],
    identityVerified: true,
    grade: null,
    stackability: 'stackable',
    furtherInformation: null,
    completionIds: ['c1', 'c2'],
    complete: true,
    ...overrides,
  },
});

const history = [registered, completed('c1'), completed('c2')];

describe('learner decider: credentials', () => {
  describe('AwardCredential', () => {
    it('awards a credential with the EU mandatory elements over a stack of the issuer’s completions', () => {
      given(learnerDecider, history).when(award()).then([awarded()]);
    });
    it('derives identity verification from the stack unless stated', () => {
      given(learnerDecider, [registered, completed('c1'), completed('c2', undefined, { identityVerified: false })])
        .when(award())
        .then([awarded({ identityVerified: false })]);
    });
    it('refuses an unknown learner (404)', () => {
      given(learnerDecider, []).when(award()).thenRefuses('not-found', 'learner-not-found');
    });
    it('refuses a credential id already awarded (409)', () => {
      given(learnerDecider, [...history, awarded()]).when(award()).thenRefuses('conflict', 'credential-already-awarded');
    });
    it('refuses completions that are not on this learner’s record (409)', () => {
      given(learnerDecider, history).when(award({ completionIds: ['c1', 'c-elsewhere'] })).thenRefuses('conflict', 'completion-not-in-record');
    });
    it('refuses completions recorded by another issuer (403)', () => {
      given(learnerDecider, [...history, completed('g1', gtxCourse)]).when(award({ completionIds: ['c1', 'g1'] })).thenRefuses('forbidden', 'completion-of-another-issuer');
      given(learnerDecider, history).when(award({ actor: GTX })).thenRefuses('forbidden', 'completion-of-another-issuer');
    });
    it('refuses an empty or repeating stack (400)', () => {
      given(learnerDecider, history).when(award({ completionIds: [] })).thenRefuses('invalid', 'empty-stack');
      given(learnerDecider, history).when(award({ completionIds: ['c1', 'c1'] })).thenRefuses('invalid', 'repeated-completion');
    });
    it('refuses a complete credential over a failed completion (409), allows an incomplete one', () => {
      const failed = [registered, completed('c1'), completed('c2', undefined, { grade: { scale: 'pass-fail', value: 'F' } })];
      given(learnerDecider, failed).when(award()).thenRefuses('conflict', 'failed-completion-in-stack');
      given(learnerDecider, failed).when(award({ complete: false })).thenMatches([{ type: 'MicroCredentialAwarded', data: { complete: false } }]);
    });
    it('refuses an issue date before the last completion of the stack (400)', () => {
      const error = given(learnerDecider, history).when(award({ issuedOn: '2025-05-01' })).thenRefuses('invalid', 'issued-before-completion');
      expect(error.details).toEqual({ path: '/issuedOn' });
    });
    it('refuses a bad workload, level or grade (400)', () => {
      given(learnerDecider, history).when(award({ workload: { credits: '0', unit: 'ECTS', ects: '0' } })).thenRefuses('invalid', 'invalid-credits');
      given(learnerDecider, history).when(award({ eqfLevel: 10 })).thenRefuses('invalid', 'invalid-eqf-level');
      given(learnerDecider, history).when(award({ grade: { scale: 'letter', value: 'Q' } })).thenRefuses('invalid', 'invalid-grade');
    });
  });

  describe('RevokeCredential', () => {
    const revoke: RevokeCredential = { kind: 'RevokeCredential', learnerId: LEARNER, credentialId: 'mm1', actor: MITX, reason: 'academic misconduct', revokedOn: '2025-09-01' };
    const revoked: LearnerEvent = { type: 'MicroCredentialRevoked', data: { learnerId: LEARNER, credentialId: 'mm1', issuerId: 'mitx', reason: 'academic misconduct', revokedOn: '2025-09-01' } };

    it('revokes a credential of the awarding issuer', () => {
      given(learnerDecider, [...history, awarded()]).when(revoke).then([revoked]);
    });
    it('refuses an unknown learner (404) and an unknown credential (404)', () => {
      given(learnerDecider, []).when(revoke).thenRefuses('not-found', 'learner-not-found');
      given(learnerDecider, history).when(revoke).thenRefuses('not-found', 'credential-not-found');
    });
    it('refuses a revocation by another issuer (403)', () => {
      given(learnerDecider, [...history, awarded()]).when({ ...revoke, actor: GTX }).thenRefuses('forbidden', 'not-credential-issuer');
    });
    it('refuses to revoke twice (409)', () => {
      given(learnerDecider, [...history, awarded(), revoked]).when(revoke).thenRefuses('conflict', 'credential-already-revoked');
    });
    it('refuses a revocation dated before the date of issue (400 naming /occurredAt); the day of issue is fine', () => {
      const error = given(learnerDecider, [...history, awarded()]).when({ ...revoke, revokedOn: '2025-06-29' }).thenRefuses('invalid', 'revoked-before-issue');
      expect(error.details).toEqual({ path: '/occurredAt' });
      given(learnerDecider, [...history, awarded()]).when({ ...revoke, revokedOn: '2025-06-30' }).thenMatches([{ type: 'MicroCredentialRevoked', data: { revokedOn: '2025-06-30' } }]);
    });
  });
});
