import { given } from '@app/testing';
import { CarryLearnerExceptionForward, GrantLearnerException, learnerExceptionDecider, RevokeLearnerException } from '../src/domain/learner-exception.decider';
import { LearnerExceptionEvent } from '../src/domain/learner-exception.events';
import { MIT, otherRegistrar, registrar, submitter } from './transfer.fixtures';

const PATHS_2026 = ['mit-scm', 'mit-scm/foundation', 'mit-scm/capstone', 'mit-scm/electives'];
const PATHS_2027 = ['mit-scm', 'mit-scm/foundation', 'mit-scm/capstone-project', 'mit-scm/electives'];

const grant = (overrides: Partial<GrantLearnerException> = {}): GrantLearnerException => ({
  kind: 'GrantLearnerException',
  actor: registrar,
  institutionId: MIT,
  learnerId: 'l1',
  exceptionId: 'x1',
  programId: 'mit-scm',
  programVersion: '2026-2027',
  exceptionKind: 'waive',
  rulePath: 'mit-scm/capstone',
  itemId: null,
  reason: 'industry capstone at the sponsor',
  grantedOn: '2026-09-01',
  program: { ownedByInstitution: true, rulePaths: PATHS_2026 },
  learnerRegistered: true,
  learnerItemIds: ['completion:c1', 'credential:k1'],
  ...overrides,
});
const carry = (overrides: Partial<CarryLearnerExceptionForward> = {}): CarryLearnerExceptionForward => ({
  kind: 'CarryLearnerExceptionForward',
  actor: registrar,
  institutionId: MIT,
  learnerId: 'l1',
  exceptionId: 'x1',
  toVersion: '2027-2028',
  carriedOn: '2027-08-01',
  program: { ownedByInstitution: true, rulePaths: ['mit-scm', 'mit-scm/capstone'] },
  ...overrides,
});
const revoke = (overrides: Partial<RevokeLearnerException> = {}): RevokeLearnerException => ({
  kind: 'RevokeLearnerException', actor: registrar, institutionId: MIT, learnerId: 'l1', exceptionId: 'x1', reason: 'granted in error', revokedOn: '2026-10-01', ...overrides,
});

const granted: LearnerExceptionEvent = {
  type: 'LearnerExceptionGranted',
  data: { institutionId: MIT, learnerId: 'l1', exceptionId: 'x1', kind: 'waive', rulePath: 'mit-scm/capstone', programId: 'mit-scm', programVersion: '2026-2027', itemId: null, reason: 'industry capstone at the sponsor', grantedOn: '2026-09-01' },
};
const carried: LearnerExceptionEvent = {
  type: 'LearnerExceptionCarriedForward',
  data: { institutionId: MIT, learnerId: 'l1', exceptionId: 'x1', programId: 'mit-scm', fromVersion: '2026-2027', toVersion: '2027-2028', carriedOn: '2027-08-01' },
};
const revoked: LearnerExceptionEvent = {
  type: 'LearnerExceptionRevoked', data: { institutionId: MIT, learnerId: 'l1', exceptionId: 'x1', reason: 'granted in error', revokedOn: '2026-10-01' },
};

describe('learner exception decider: GrantLearnerException', () => {
  it('grants a waiver bound to a rule path of one program version', () => {
    given(learnerExceptionDecider).when(grant()).then([granted]);
  });

  it('grants a substitution naming the learner item that counts toward the rule', () => {
    given(learnerExceptionDecider)
      .when(grant({ exceptionKind: 'substitute', rulePath: 'mit-scm/electives', itemId: 'completion:c1' }))
      .thenMatches([{ type: 'LearnerExceptionGranted', data: { kind: 'substitute', rulePath: 'mit-scm/electives', itemId: 'completion:c1' } }]);
  });

  it('the fold keeps the exception with the version it is bound to', () => {
    expect(given(learnerExceptionDecider, [granted]).state.exceptions).toEqual([
      { exceptionId: 'x1', programId: 'mit-scm', kind: 'waive', rulePath: 'mit-scm/capstone', itemId: null, reason: 'industry capstone at the sponsor', grantedOn: '2026-09-01', versions: ['2026-2027'], revoked: null },
    ]);
  });

  it('refuses anyone but a registrar of the institution: 403', () => {
    given(learnerExceptionDecider).when(grant({ actor: submitter })).thenRefuses('forbidden', 'not-registrar-of-institution');
    given(learnerExceptionDecider).when(grant({ actor: otherRegistrar })).thenRefuses('forbidden', 'not-registrar-of-institution');
  });

  it('refuses a program of another institution or an unregistered learner: 404', () => {
    given(learnerExceptionDecider).when(grant({ program: { ownedByInstitution: false, rulePaths: null } })).thenRefuses('not-found', 'program-not-found');
    given(learnerExceptionDecider).when(grant({ learnerRegistered: false })).thenRefuses('not-found', 'learner-not-found');
  });

  it('refuses an unknown program version (/programVersion) or a rule path not in that version (/rulePath): 400', () => {
    const version = given(learnerExceptionDecider).when(grant({ program: { ownedByInstitution: true, rulePaths: null } })).thenRefuses('invalid', 'unknown-program-version');
    expect(version.details).toEqual({ path: '/programVersion' });
    const path = given(learnerExceptionDecider).when(grant({ rulePath: 'mit-scm/thesis' })).thenRefuses('invalid', 'unknown-rule-path');
    expect(path.details).toEqual({ path: '/rulePath' });
  });

  it('a substitution needs an item the learner holds, a waiver takes none: 400 /itemId', () => {
    given(learnerExceptionDecider).when(grant({ exceptionKind: 'substitute' })).thenRefuses('invalid', 'substitute-needs-item');
    given(learnerExceptionDecider).when(grant({ itemId: 'completion:c1' })).thenRefuses('invalid', 'waiver-takes-no-item');
    const unknown = given(learnerExceptionDecider).when(grant({ exceptionKind: 'substitute', itemId: 'completion:c9' })).thenRefuses('invalid', 'substitute-item-not-held');
    expect(unknown.details).toEqual({ path: '/itemId' });
  });

  it('refuses the same exception twice, or the same waiver on the same rule and version: 409', () => {
    given(learnerExceptionDecider, [granted]).when(grant()).thenRefuses('conflict', 'exception-exists');
    given(learnerExceptionDecider, [granted]).when(grant({ exceptionId: 'x2' })).thenRefuses('conflict', 'exception-exists');
    // once revoked, the same waiver may be granted again
    given(learnerExceptionDecider, [granted, revoked]).when(grant({ exceptionId: 'x2' })).thenMatches([{ type: 'LearnerExceptionGranted', data: { exceptionId: 'x2' } }]);
  });

  it('refuses a grant dated badly: 400 /grantedOn', () => {
    given(learnerExceptionDecider).when(grant({ grantedOn: '2026-13-01' })).thenRefuses('invalid', 'invalid-date');
  });
});

describe('learner exception decider: CarryLearnerExceptionForward', () => {
  it('binds the exception to another version where its rule path exists, naming the version it came from', () => {
    given(learnerExceptionDecider, [granted]).when(carry()).then([carried]);
    expect(given(learnerExceptionDecider, [granted, carried]).state.exceptions[0].versions).toEqual(['2026-2027', '2027-2028']);
  });

  it('refuses a target version without the rule path, or an unknown target version: 400 /toVersion', () => {
    const path = given(learnerExceptionDecider, [granted]).when(carry({ program: { ownedByInstitution: true, rulePaths: PATHS_2027 } })).thenRefuses('invalid', 'unknown-rule-path');
    expect(path.details).toEqual({ path: '/toVersion' });
    const version = given(learnerExceptionDecider, [granted]).when(carry({ program: { ownedByInstitution: true, rulePaths: null } })).thenRefuses('invalid', 'unknown-program-version');
    expect(version.details).toEqual({ path: '/toVersion' });
  });

  it('refuses a version it is already bound to: 409', () => {
    given(learnerExceptionDecider, [granted]).when(carry({ toVersion: '2026-2027' })).thenRefuses('conflict', 'already-bound-to-version');
    given(learnerExceptionDecider, [granted, carried]).when(carry()).thenRefuses('conflict', 'already-bound-to-version');
  });

  it('refuses an unknown exception (404) or a revoked one (409)', () => {
    given(learnerExceptionDecider).when(carry()).thenRefuses('not-found', 'exception-not-found');
    given(learnerExceptionDecider, [granted, revoked]).when(carry()).thenRefuses('conflict', 'exception-revoked');
  });

  it('refuses anyone but a registrar of the institution: 403', () => {
    given(learnerExceptionDecider, [granted]).when(carry({ actor: otherRegistrar })).thenRefuses('forbidden', 'not-registrar-of-institution');
  });
});

describe('learner exception decider: RevokeLearnerException', () => {
  it('revokes an exception in force', () => {
    given(learnerExceptionDecider, [granted]).when(revoke()).then([revoked]);
    expect(given(learnerExceptionDecider, [granted, revoked]).state.exceptions[0].revoked).toEqual({ on: '2026-10-01', reason: 'granted in error' });
  });

  it('refuses an unknown exception (404) or one already revoked (409)', () => {
    given(learnerExceptionDecider).when(revoke()).thenRefuses('not-found', 'exception-not-found');
    given(learnerExceptionDecider, [granted, revoked]).when(revoke()).thenRefuses('conflict', 'exception-revoked');
  });

  it('refuses anyone but a registrar of the institution: 403', () => {
    given(learnerExceptionDecider, [granted]).when(revoke({ actor: submitter })).thenRefuses('forbidden', 'not-registrar-of-institution');
  });
});
