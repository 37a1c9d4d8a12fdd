import { refuse } from '@app/kernel';
import { Principal } from '@app/platform';

/** The institutions a caller may audit: null = all (admin, or an auditor with '*'). */
export function auditScopeOf(principal: Principal): string[] | null {
  if (principal.role === 'admin') return null;
  if (principal.role === 'auditor') return principal.auditScope.includes('*') ? null : [...principal.auditScope];
  if (principal.role === 'registrar') return [principal.institutionId];
  throw refuse.forbidden('role-not-allowed', `role ${principal.role} cannot read audit information`);
}

/**
 * Refuses unless at least one of the institutions is in the caller's scope: 404 `out-of-scope`, as
 * every route answers what the caller may not see (403 is for a role that may not call the route).
 * Decided on the names alone, before anything is read, so it reveals nothing about the data.
 */
export function assertInScope(principal: Principal, institutions: (string | null | undefined)[], what: string): void {
  const scope = auditScopeOf(principal);
  if (scope === null) return;
  if (!institutions.some((i) => i && scope.includes(i))) throw refuse.notFound('out-of-scope', `${what}: nothing in this credential's scope (${scope.join(', ') || 'none'})`);
}
