import { given } from '@app/testing';
import { accessDecider, AccessEvent } from '../src/access';

const registered: AccessEvent = {
  type: 'InstitutionRegistered',
  data: { institutionId: 'mit', name: 'MIT', country: 'US', creditUnit: 'US_SEMESTER' },
};
const issue = (over: Record<string, unknown> = {}) => ({
  kind: 'IssueCredential' as const,
  credentialId: '00000000-0000-4000-8000-000000000001',
  institutionId: 'mit',
  role: 'registrar' as const,
  label: 'k',
  secretHash: 'ab',
  auditScope: [],
  ...over,
});

describe('access decider', () => {
  it('registers an institution once', () => {
    given(accessDecider).when({ kind: 'RegisterInstitution', ...registered.data }).then([registered]);
    given(accessDecider, [registered]).when({ kind: 'RegisterInstitution', ...registered.data }).thenRefuses('conflict', 'institution-exists');
  });

  it('issues credentials only to registered institutions, admin only to the platform', () => {
    given(accessDecider, [registered]).when(issue()).thenMatches([{ type: 'CredentialIssued', data: { role: 'registrar', institutionId: 'mit' } }]);
    given(accessDecider).when(issue()).thenRefuses('not-found', 'institution-not-found');
    given(accessDecider, [registered]).when(issue({ role: 'admin' })).thenRefuses('invalid', 'admin-only-for-platform');
    given(accessDecider).when(issue({ institutionId: 'platform', role: 'registrar' })).thenRefuses('invalid', 'platform-roles');
  });

  it('keeps the audit scope for auditors only', () => {
    given(accessDecider, [registered]).when(issue({ auditScope: ['*'] })).thenMatches([{ type: 'CredentialIssued', data: { auditScope: [] } }]);
    given(accessDecider).when(issue({ institutionId: 'platform', role: 'auditor', auditScope: ['*'] }))
      .thenMatches([{ type: 'CredentialIssued', data: { auditScope: ['*'] } }]);
  });

  it('bootstraps an admin only while none is active, and revokes once', () => {
    const admin = issue({ institutionId: 'platform', role: 'admin', onlyIfNoAdmin: true });
    const [issued] = given(accessDecider).when(admin).thenMatches([{ type: 'CredentialIssued' }]);
    given(accessDecider, [issued]).when({ ...admin, credentialId: '00000000-0000-4000-8000-000000000002' }).thenRefuses('conflict', 'admin-exists');
    const [second] = given(accessDecider, [issued]).when({ ...admin, credentialId: '00000000-0000-4000-8000-000000000002', onlyIfNoAdmin: false }).thenMatches([{ type: 'CredentialIssued' }]);
    const revoke = { kind: 'RevokeCredential' as const, credentialId: admin.credentialId, reason: 'rotated' };
    const [revoked] = given(accessDecider, [issued, second]).when(revoke).then([{ type: 'CredentialRevoked', data: { credentialId: admin.credentialId, reason: 'rotated' } }]);
    given(accessDecider, [issued, second, revoked]).when(revoke).thenRefuses('conflict', 'credential-revoked');
  });

  it('refuses to revoke the last active admin credential', () => {
    const admin = issue({ institutionId: 'platform', role: 'admin' });
    const [issued] = given(accessDecider).when(admin).thenMatches([{ type: 'CredentialIssued' }]);
    const revoke = { kind: 'RevokeCredential' as const, credentialId: admin.credentialId, reason: 'oops' };
    given(accessDecider, [issued]).when(revoke).thenRefuses('conflict', 'last-admin');
    const [auditor] = given(accessDecider).when(issue({ credentialId: '00000000-0000-4000-8000-000000000009', institutionId: 'platform', role: 'auditor' })).thenMatches([{ type: 'CredentialIssued' }]);
    given(accessDecider, [issued, auditor]).when(revoke).thenRefuses('conflict', 'last-admin');
  });

  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'])('treats %s as an id like any other', (id) => {
    given(accessDecider).when(issue({ institutionId: id })).thenRefuses('not-found', 'institution-not-found');
    given(accessDecider).when({ kind: 'RevokeCredential', credentialId: id, reason: 'x' }).thenRefuses('not-found', 'credential-not-found');
    const [registeredId] = given(accessDecider).when({ kind: 'RegisterInstitution', ...registered.data, institutionId: id }).thenMatches([{ type: 'InstitutionRegistered' }]);
    given(accessDecider, [registeredId]).when({ kind: 'RegisterInstitution', ...registered.data, institutionId: id }).thenRefuses('conflict', 'institution-exists');
    given(accessDecider, [registeredId]).when(issue({ institutionId: id })).thenMatches([{ type: 'CredentialIssued', data: { institutionId: id } }]);
  });
});
