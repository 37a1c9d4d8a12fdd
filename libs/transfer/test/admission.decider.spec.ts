import { given } from '@app/testing';
import { admissionDecider, AdmitLearner, isAdmittedOn } from '../src/domain/admission.decider';
import { MIT, otherRegistrar, registrar, submitter } from './transfer.fixtures';

const admit = (overrides: Partial<AdmitLearner> = {}): AdmitLearner => ({
  kind: 'AdmitLearner',
  actor: registrar,
  institutionId: MIT,
  learnerId: 'l1',
  programId: 'mit-scm',
  decidedOn: '2026-08-01',
  programOwnedByInstitution: true,
  learnerRegistered: true,
  ...overrides,
});
const admitted = { type: 'LearnerAdmitted' as const, data: { institutionId: MIT, learnerId: 'l1', programId: 'mit-scm', decidedOn: '2026-08-01' } };

describe('admission decider: AdmitLearner', () => {
  it('admits a learner to a program of the institution', () => {
    given(admissionDecider).when(admit()).then([admitted]);
  });

  it('the gate is open from the decision date on', () => {
    const state = given(admissionDecider, [admitted]).state;
    expect(isAdmittedOn(state, 'mit-scm', '2026-08-01')).toBe(true);
    expect(isAdmittedOn(state, 'mit-scm', '2026-07-31')).toBe(false);
    expect(isAdmittedOn(state, 'other', '2026-09-01')).toBe(false);
  });

  it('refuses admitting twice to the same program: 409', () => {
    given(admissionDecider, [admitted]).when(admit()).thenRefuses('conflict', 'already-admitted');
  });

  it('refuses a program the institution does not have: 404', () => {
    given(admissionDecider).when(admit({ programOwnedByInstitution: false })).thenRefuses('not-found', 'program-not-found');
  });

  it('refuses an unknown learner: 404', () => {
    given(admissionDecider).when(admit({ learnerRegistered: false })).thenRefuses('not-found', 'learner-not-found');
  });

  it('refuses a registrar of another institution and other roles: 403', () => {
    given(admissionDecider).when(admit({ actor: otherRegistrar })).thenRefuses('forbidden', 'not-registrar-of-institution');
    given(admissionDecider).when(admit({ actor: submitter })).thenRefuses('forbidden', 'not-registrar-of-institution');
  });

  it('refuses a malformed decision date: 400', () => {
    given(admissionDecider).when(admit({ decidedOn: '2026-02-31x' })).thenRefuses('invalid', 'invalid-date');
  });
});
