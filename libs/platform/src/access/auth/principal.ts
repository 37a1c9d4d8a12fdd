import { Role } from '../domain/access.events';

/** The authenticated caller: one credential of one institution, acting in one role. */
export interface Principal {
  credentialId: string;
  institutionId: string;
  role: Role;
  /** For auditors: the institutions they may read ('*' = all). */
  auditScope: string[];
}
