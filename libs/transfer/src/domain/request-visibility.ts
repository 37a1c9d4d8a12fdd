/**
 * Who may see a credit-transfer request, stated once for every route that names one (read, decide,
 * exceptions, appeal, revise, withdraw, reproduction): its two parties, i.e. the submitting
 * institution's submitters and the receiving institution's registrars; auditors whose scope covers
 * either institution ('*' = all); the platform admin. To anyone else the request does not exist:
 * they get the same 404 as for an unknown id, so a refusal never reveals that a request exists, nor
 * where the learner applied. 403 is for a party whose role may not do the action.
 */
export interface RequestParties {
  submitterInstitution: string;
  receivingInstitution: string;
}

export interface Viewer {
  institutionId: string;
  role: string;
  /** Auditors only: the institutions in scope ('*' = all). */
  auditScope?: readonly string[];
}

/** A submitter of the submitting institution, or a registrar of the receiving one. */
export function isPartyTo(viewer: Viewer, request: RequestParties): boolean {
  if (viewer.role === 'submitter') return viewer.institutionId === request.submitterInstitution;
  if (viewer.role === 'registrar') return viewer.institutionId === request.receivingInstitution;
  return false;
}

/** A party, an auditor in scope of either institution, or the admin. */
export function mayViewRequest(viewer: Viewer, request: RequestParties): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.role === 'auditor') {
    const scope = viewer.auditScope ?? [];
    return scope.includes('*') || scope.includes(request.submitterInstitution) || scope.includes(request.receivingInstitution);
  }
  return isPartyTo(viewer, request);
}

/** The code of that 404, for an unknown request and for one the caller may not see alike. */
export const REQUEST_NOT_FOUND = 'request-not-found';
