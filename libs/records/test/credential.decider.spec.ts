import { given } from '@app/testing';
import { AwardCredential, CredentialData, CredentialDefinitionState, LearnerEvent, learnerDecider, RevokeCredential } from '../src';
import { completed, GTX, gtxCourse, LEARNER, MITX, registered, sc0x } from './records.fixtures';

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
    definition: null,
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
    it('refuses a complete credential over a completion that is not passed by the engine’s grade table (409), naming each', () => {
      const below = [registered, completed('c1', undefined, { grade: { scale: 'percent', value: '59.5' } }), completed('c2', undefined, { grade: { scale: 'numeric-4', value: '2.3' } })];
      const error = given(learnerDecider, below).when(award()).thenRefuses('conflict', 'failed-completion-in-stack');
      expect(error.details?.errors).toEqual([
        { path: '/completionIds/0', message: expect.stringContaining('grade 59.5%') },
        { path: '/completionIds/1', message: expect.stringContaining('grade 2.3/4') },
      ]);
      const passing = [registered, completed('c1', undefined, { grade: { scale: 'letter', value: 'D-' } }), completed('c2', undefined, { grade: { scale: 'numeric-4', value: '2.4' } })];
      given(learnerDecider, passing).when(award()).thenMatches([{ type: 'MicroCredentialAwarded', data: { complete: true } }]);
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

  describe('AwardCredential checked against the credential definition', () => {
    const sc1x = { ...sc0x, courseId: 'mitx-ctl.sc1x', title: 'Supply Chain Fundamentals' };
    const cfx = { ...sc0x, courseId: 'mitx-ctl.cfx', title: 'Comprehensive exam' };
    const definition = (over: Partial<CredentialDefinitionState> = {}): CredentialDefinitionState => ({
      code: 'MITx-SCM-MM',
      issuerId: 'mitx',
      versions: [
        { version: '2024', title: 'SCM MicroMasters', type: 'MicroMasters', publishedOn: '2024-01-01', components: [{ courseId: sc0x.courseId, courseTitle: sc0x.title, minGrade: null }] },
        {
          version: '2025',
          title: 'SCM MicroMasters',
          type: 'MicroMasters',
          publishedOn: '2025-01-01',
          components: [
            { courseId: sc0x.courseId, courseTitle: sc0x.title, minGrade: null },
            { courseId: sc1x.courseId, courseTitle: sc1x.title, minGrade: null },
            { courseId: cfx.courseId, courseTitle: cfx.title, minGrade: { scale: 'percent', value: '70' } },
          ],
        },
      ],
      ...over,
    });
    const full = [registered, completed('c1'), completed('c2', sc1x), completed('c3', cfx, { grade: { scale: 'percent', value: '72' } })];
    const withDefinition = (over: Partial<AwardCredential> = {}) => award({ completionIds: ['c1', 'c2', 'c3'], definition: definition(), ...over });

    it('awards a complete credential whose stack holds every component, passed at its minimum, and records the version checked', () => {
      given(learnerDecider, full).when(withDefinition()).thenMatches([{ type: 'MicroCredentialAwarded', data: { complete: true, definition: { code: 'MITx-SCM-MM', version: '2025' } } }]);
    });
    it('checks against the version named instead of the latest', () => {
      given(learnerDecider, full).when(withDefinition({ completionIds: ['c1'], definitionVersion: '2024' })).thenMatches([{ type: 'MicroCredentialAwarded', data: { definition: { version: '2024' } } }]);
    });
    it('refuses a complete credential over a stack missing a component or below a minimum (409), naming each with a pointer', () => {
      const short = [registered, completed('c1'), completed('c3', cfx, { grade: { scale: 'percent', value: '65' } })];
      const error = given(learnerDecider, short).when(withDefinition({ completionIds: ['c1', 'c3'] })).thenRefuses('conflict', 'credential-requirements-not-met');
      expect(error.message).toContain('MITx-SCM-MM version 2025');
      expect(error.details?.errors).toEqual([
        { path: '/completionIds', message: 'mitx-ctl.sc1x (Supply Chain Fundamentals): no completion of it in the stack' },
        { path: '/completionIds/1', message: 'mitx-ctl.cfx (Comprehensive exam): grade 65% of completion c3 is below the minimum 70%' },
      ]);
    });
    it('refuses a component completion that is not passed, even with no minimum (409)', () => {
      const failing = [registered, completed('c1', undefined, { grade: { scale: 'letter', value: 'F' } }), completed('c2', sc1x), completed('c3', cfx, { grade: { scale: 'percent', value: '90' } })];
      const error = given(learnerDecider, failing).when(withDefinition()).thenRefuses('conflict', 'credential-requirements-not-met');
      expect(error.details?.errors).toEqual([{ path: '/completionIds/0', message: 'mitx-ctl.sc0x (Supply Chain Analytics): completion c1 is not passed (grade F)' }]);
    });
    it('lets an incomplete credential be awarded over a partial stack, under the definition', () => {
      given(learnerDecider, full).when(withDefinition({ completionIds: ['c1'], complete: false })).thenMatches([{ type: 'MicroCredentialAwarded', data: { complete: false, definition: { version: '2025' } } }]);
    });
    it('refuses a code defined by another issuer (403), an unknown version (409), a version with no definition (409), another type (400)', () => {
      given(learnerDecider, full).when(withDefinition({ definition: definition({ issuerId: 'gtx' }) })).thenRefuses('forbidden', 'credential-code-of-another-issuer');
      given(learnerDecider, full).when(withDefinition({ definitionVersion: '2030' })).thenRefuses('conflict', 'credential-definition-version-not-found');
      given(learnerDecider, full).when(award({ definitionVersion: '2025' })).thenRefuses('conflict', 'credential-definition-not-found');
      given(learnerDecider, full).when(withDefinition({ type: 'XSeries' })).thenRefuses('invalid', 'credential-type-mismatch');
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
