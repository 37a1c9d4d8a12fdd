import { DomainEvent } from '@app/kernel';

/** Roles an institution-scoped credential can carry. */
export const ROLES = ['admin', 'issuer', 'submitter', 'registrar', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Credit units institutions declare (DOMAIN.md). */
export const CREDIT_UNITS = ['ECTS', 'US_SEMESTER', 'US_QUARTER', 'UK_CATS'] as const;
export type CreditUnit = (typeof CREDIT_UNITS)[number];

export type InstitutionRegistered = DomainEvent<
  'InstitutionRegistered',
  { institutionId: string; name: string; country: string; creditUnit: CreditUnit }
>;
export type CredentialIssued = DomainEvent<
  'CredentialIssued',
  {
    credentialId: string;
    institutionId: string;
    role: Role;
    label: string;
    /** sha256 (hex) of the secret; the secret itself is never stored. */
    secretHash: string;
    /** For auditors: institutions they may read ('*' = all). Empty for other roles. */
    auditScope: string[];
  }
>;
export type CredentialRevoked = DomainEvent<'CredentialRevoked', { credentialId: string; reason: string }>;

export type AccessEvent = InstitutionRegistered | CredentialIssued | CredentialRevoked;

/** Every institution and credential lives in this one stream (provisioning is rare). */
export const ACCESS_STREAM = 'access';
/** The operator's own institution, which holds admin credentials. */
export const PLATFORM_INSTITUTION = 'platform';
