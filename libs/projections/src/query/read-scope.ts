import { Principal } from '@app/platform';
import { refuse } from '@app/kernel';

/**
 * Which institution a read is about, and may the caller read it: the institution's own role for
 * that read (the registrar of a receiving institution; the submitter of a submitting one) reads
 * its own institution; an auditor any institution in its audit scope ('*' = all) and must name
 * it. Another institution's read models do not exist for the caller: 404 `out-of-scope` (decided
 * on the institution named, before any row is read); 403 only for a role that may not read them.
 */
export function institutionInScope(principal: Principal, requested: string | undefined, ownRole: 'registrar' | 'submitter' = 'registrar'): string {
  if (principal.role === ownRole) {
    if (requested !== undefined && requested !== principal.institutionId) {
      throw outOfScope(`a ${ownRole} of ${principal.institutionId} reads only its own institution, not ${requested}`);
    }
    return principal.institutionId;
  }
  if (principal.role === 'auditor') {
    if (requested === undefined) throw refuse.invalid('institution-required', 'an auditor must name the institution (institutionId)', '/institutionId');
    if (!principal.auditScope.includes('*') && !principal.auditScope.includes(requested)) {
      throw outOfScope(`institution ${requested} is not in this auditor's scope`);
    }
    return requested;
  }
  throw refuse.forbidden('role-not-allowed', `role ${principal.role} cannot read the read models of an institution`);
}

/** The answer to a read of what is outside the caller's scope: not found, to it. */
export const outOfScope = (message: string) => refuse.notFound('out-of-scope', message);
