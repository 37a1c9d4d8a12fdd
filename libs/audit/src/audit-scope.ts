import { refuse } from '@app/kernel';
import { Principal } from '@app/platform';

/** The institutions a caller may audit: null = all (admin, or an auditor with '*'). */
export function auditScopeOf(principal: Principal): string[] | null {
  if (principal.role === 'admin') return null;
  if (principal.role === 'auditor') return principal.auditScope.includes('*') ? null : [...principal.auditScope];
  if (principal.role === 'registrar') return [principal.institutionId];
  throw refuse.forbidden('role-not-allowed', `role ${principal.role} cannot read audit information`);
}

/** Refuses (403) unless at least one of the institutions is in the caller's scope. */
export function assertInScope(principal: Principal, institutions: (string | null | undefined)[], what: string): void {
  const scope = auditScopeOf(principal);
  if (scope === null) return;
  if (!institutions.some((i) => i && scope.includes(i))) throw refuse.forbidden('out-of-scope', `${what} is outside this credential's scope (${scope.join(', ')})`);
}
