import { Decider, own, refuse } from '@app/kernel';
import { AccessEvent, CreditUnit, PLATFORM_INSTITUTION, Role } from './access.events';

export interface InstitutionState {
  name: string;
  country: string;
  creditUnit: CreditUnit;
}

export interface CredentialState {
  institutionId: string;
  role: Role;
  secretHash: string;
  auditScope: string[];
  revoked: boolean;
}

export interface AccessState {
  institutions: Record<string, InstitutionState>;
  credentials: Record<string, CredentialState>;
}

export type AccessCommand =
  | { kind: 'RegisterInstitution'; institutionId: string; name: string; country: string; creditUnit: CreditUnit }
  | {
      kind: 'IssueCredential';
      credentialId: string;
      institutionId: string;
      role: Role;
      label: string;
      secretHash: string;
      auditScope: string[];
      /** First-start bootstrap: refused once any active admin exists (several services may race). */
      onlyIfNoAdmin?: boolean;
    }
  | { kind: 'RevokeCredential'; credentialId: string; reason: string };

function decide(command: AccessCommand, state: AccessState): AccessEvent[] {
  switch (command.kind) {
    case 'RegisterInstitution': {
      if (command.institutionId === PLATFORM_INSTITUTION || own(state.institutions, command.institutionId)) {
        throw refuse.conflict('institution-exists', `institution ${command.institutionId} is already registered`);
      }
      const { kind: _kind, ...data } = command;
      return [{ type: 'InstitutionRegistered', data }];
    }
    case 'IssueCredential': {
      const isPlatform = command.institutionId === PLATFORM_INSTITUTION;
      if (!isPlatform && !own(state.institutions, command.institutionId)) {
        throw refuse.notFound('institution-not-found', `institution ${command.institutionId} is not registered`);
      }
      if (command.role === 'admin' && !isPlatform) {
        throw refuse.invalid('admin-only-for-platform', 'admin credentials belong to the platform operator only', '/role');
      }
      if (isPlatform && command.role !== 'admin' && command.role !== 'auditor') {
        throw refuse.invalid('platform-roles', 'the platform holds only admin and auditor credentials', '/role');
      }
      if (command.onlyIfNoAdmin && Object.values(state.credentials).some((c) => c.role === 'admin' && !c.revoked)) {
        throw refuse.conflict('admin-exists', 'an active admin credential already exists');
      }
      if (own(state.credentials, command.credentialId)) {
        throw refuse.conflict('credential-exists', `credential ${command.credentialId} already exists`);
      }
      const auditScope = command.role === 'auditor' ? command.auditScope : [];
      const { kind: _kind, onlyIfNoAdmin: _bootstrap, ...data } = command;
      return [{ type: 'CredentialIssued', data: { ...data, auditScope } }];
    }
    case 'RevokeCredential': {
      const credential = own(state.credentials, command.credentialId);
      if (!credential) throw refuse.notFound('credential-not-found', `credential ${command.credentialId} does not exist`);
      if (credential.revoked) throw refuse.conflict('credential-revoked', `credential ${command.credentialId} is already revoked`);
      const otherActiveAdmin = Object.entries(state.credentials).some(([id, c]) => id !== command.credentialId && c.role === 'admin' && !c.revoked);
      if (credential.role === 'admin' && !otherActiveAdmin) {
        throw refuse.conflict(
          'last-admin',
          `credential ${command.credentialId} is the last active admin credential: issue another admin credential (POST /institutions/platform/credentials) before revoking it`,
        );
      }
      return [{ type: 'CredentialRevoked', data: { credentialId: command.credentialId, reason: command.reason } }];
    }
  }
}

function evolve(state: AccessState, event: AccessEvent): AccessState {
  switch (event.type) {
    case 'InstitutionRegistered': {
      const { institutionId, ...institution } = event.data;
      return { ...state, institutions: { ...state.institutions, [institutionId]: institution } };
    }
    case 'CredentialIssued': {
      const { credentialId, institutionId, role, secretHash, auditScope } = event.data;
      const credential: CredentialState = { institutionId, role, secretHash, auditScope, revoked: false };
      return { ...state, credentials: { ...state.credentials, [credentialId]: credential } };
    }
    case 'CredentialRevoked': {
      const current = own(state.credentials, event.data.credentialId);
      if (!current) return state;
      return { ...state, credentials: { ...state.credentials, [event.data.credentialId]: { ...current, revoked: true } } };
    }
  }
}

export const accessDecider: Decider<AccessCommand, AccessState, AccessEvent> = {
  initialState: { institutions: {}, credentials: {} },
  decide,
  evolve,
};
