import { Principal } from '@app/platform';
import { refuse } from '@app/kernel';

/**
 * Which receiving institution a read is about, and may the caller read it: a registrar reads its
 * own institution; an auditor any institution in its audit scope ('*' = all) and must name it;
 * anyone else is refused.
 */
export function institutionInScope(principal: Principal, requested: string | undefined): string {
  if (principal.role === 'registrar') {
    if (requested !== undefined && requested !== principal.institutionId) {
      throw refuse.forbidden('out-of-scope', `a registrar of ${principal.institutionId} reads only its own institution, not ${requested}`);
    }
    return principal.institutionId;
  }
  if (principal.role === 'auditor') {
    if (requested === undefined) throw refuse.invalid('institution-required', 'an auditor must name the institution (institutionId)', '/institutionId');
    if (!principal.auditScope.includes('*') && !principal.auditScope.includes(requested)) {
      throw refuse.forbidden('out-of-scope', `institution ${requested} is outside this auditor's scope`);
    }
    return requested;
  }
  throw refuse.forbidden('role-not-allowed', `role ${principal.role} cannot read the read models of an institution`);
}
