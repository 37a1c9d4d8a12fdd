import { given } from '@app/testing';
import { PolicyEvent } from '../src/domain/policy.events';
import { policyDecider, policyVersionEffectiveOn, PublishPolicyVersion } from '../src/domain/policy.decider';
import { MIT, otherRegistrar, registrar, scmPolicy } from './transfer.fixtures';

const publish = (overrides: Record<string, unknown> = {}, actor = registrar): PublishPolicyVersion => ({
  kind: 'PublishPolicyVersion',
  actor,
  policyId: 'mit-scm-recognition',
  definition: { ...scmPolicy(), ...overrides },
  publishedOn: '2026-01-01',
});
const history = (...overrides: Record<string, unknown>[]): PolicyEvent[] => {
  let state = policyDecider.initialState;
  const events: PolicyEvent[] = [];
  for (const o of overrides) {
    const [e] = policyDecider.decide(publish(o), state);
    state = policyDecider.evolve(state, e);
    events.push(e);
  }
  return events;
};

describe('policy decider: PublishPolicyVersion', () => {
  it('publishes a version with its effective period and its own conversion table', () => {
    given(policyDecider).when(publish()).thenMatches([
      {
        type: 'PolicyVersionPublished',
        data: { policyId: 'mit-scm-recognition', version: '2026.1', institutionId: MIT, programId: 'mit-scm', effectiveFrom: '2026-01-01', effectiveTo: null, closes: null, conversionTable: { id: 'mit-units-2026', ectsPerUnit: { ECTS: '1', MIT_UNIT: '1/2', UK_CATS: '1/2', US_QUARTER: '4/3', US_SEMESTER: '2' } } },
      },
    ]);
  });

  it('records the default conversion table when the policy has none', () => {
    const { conversion: _c, conversionTableId: _t, ...rest } = scmPolicy();
    given(policyDecider).when({ ...publish(), definition: { ...rest, creditUnit: 'ECTS' } }).thenMatches([{ type: 'PolicyVersionPublished', data: { conversionTable: { id: 'default-ects-2026', ectsPerUnit: { ECTS: '1', UK_CATS: '1/2', US_QUARTER: '4/3', US_SEMESTER: '2' } } } }]);
  });

  it('a later version supersedes an open-ended one (closes it where it starts)', () => {
    const [event] = given(policyDecider, history({})).when(publish({ version: '2027.1', effectiveFrom: '2027-01-01' })).thenMatches([
      { type: 'PolicyVersionPublished', data: { version: '2027.1', closes: { version: '2026.1', effectiveTo: '2027-01-01' } } },
    ]);
    const state = [...history({}), event].reduce(policyDecider.evolve, policyDecider.initialState);
    expect(policyVersionEffectiveOn(state, '2026-12-31')?.version).toBe('2026.1');
    expect(policyVersionEffectiveOn(state, '2027-01-01')?.version).toBe('2027.1');
    expect(policyVersionEffectiveOn(state, '2025-12-31')).toBeNull();
  });

  it('refuses the same version twice: 409', () => {
    given(policyDecider, history({})).when(publish({ effectiveFrom: '2028-01-01' })).thenRefuses('conflict', 'policy-version-exists');
  });

  it('refuses overlapping effective periods: 409', () => {
    given(policyDecider, history({ effectiveTo: '2027-01-01' })).when(publish({ version: '2026.2', effectiveFrom: '2026-06-01' })).thenRefuses('conflict', 'policy-period-overlap');
  });

  it('refuses a version starting before the open-ended latest one: 409', () => {
    given(policyDecider, history({})).when(publish({ version: '2025.1', effectiveFrom: '2025-01-01' })).thenRefuses('conflict', 'policy-period-overlap');
  });

  it('refuses an invalid definition with the path: 400', () => {
    const error = given(policyDecider).when(publish({ effectiveFrom: '2026-13-45' })).thenRefuses('invalid', 'policy-definition-invalid');
    expect(error.details?.path).toMatch(/^\/definition\/effectiveFrom/);
  });

  it('refuses a policy for another receiving institution', () => {
    given(policyDecider).when(publish({ receivingInstitution: 'harvard' })).thenRefuses('invalid', 'policy-institution-mismatch');
  });

  it('refuses a version or a program scope the API could not name later (what-if, program matching): 400 with the path', () => {
    expect(given(policyDecider).when(publish({ version: '2026/27 rev 2' })).thenRefuses('invalid', 'policy-definition-invalid').details?.path).toBe('/definition/version');
    expect(given(policyDecider).when(publish({ programId: 'mit scm' })).thenRefuses('invalid', 'policy-definition-invalid').details?.path).toBe('/definition/programId');
    given(policyDecider).when(publish({ version: 'v2026.1_b', programId: 'course-v1:mit.scm' })).thenMatches([{ type: 'PolicyVersionPublished', data: { version: 'v2026.1_b', programId: 'course-v1:mit.scm' } }]);
  });

  it('refuses a definition for another policy id', () => {
    given(policyDecider).when(publish({ id: 'other' })).thenRefuses('invalid', 'policy-id-mismatch');
  });

  it('refuses a registrar of another institution: 403', () => {
    given(policyDecider, history({})).when(publish({ version: '2027.1', effectiveFrom: '2027-01-01' }, otherRegistrar)).thenRefuses('forbidden', 'not-registrar-of-institution');
  });
});
