/**
 * The scope rule, for every operation of the authorization matrix: what a caller with an allowed
 * role gets for a resource of ANOTHER institution (outside its own institution, or its audit scope).
 *
 * - `public`: published definitions and shared records, read by every allowed role whoever owns them;
 * - `not-found`: what the caller may not see does not exist for it: 404, the same code (and message)
 *   as for an unknown id, decided before anything about the resource is disclosed;
 * - `forbidden`: the caller sees the resource (through `seenThrough`, answered 200) but it is not its
 *   to change: 403 with a code saying why;
 * - `unowned`: the operation creates something, or spans every institution alike: no resource of
 *   another institution to ask about.
 *
 * test/scope-matrix.e2e.spec.ts checks the app against it, role by role; an operation the
 * authorization matrix lists and this table does not fails that test.
 */
export type ScopeRule = { kind: 'public' } | { kind: 'not-found' } | { kind: 'forbidden'; seenThrough: string } | { kind: 'unowned' };

const PUBLIC: ScopeRule = { kind: 'public' };
const NOT_FOUND: ScopeRule = { kind: 'not-found' };
const UNOWNED: ScopeRule = { kind: 'unowned' };
const seenThrough = (operation: string): ScopeRule => ({ kind: 'forbidden', seenThrough: operation });

export const SCOPE: Record<string, ScopeRule> = {
  'POST /institutions': UNOWNED,
  'GET /institutions/{institutionId}': PUBLIC,
  'POST /institutions/{institutionId}/credentials': UNOWNED,
  'POST /credentials/{credentialId}/revoke': UNOWNED,
  'POST /courses': UNOWNED,
  'PUT /courses/{courseId}': seenThrough('GET /courses/{courseId}'),
  'GET /courses/{courseId}': PUBLIC,
  'POST /credential-definitions/{code}/versions': seenThrough('GET /credential-definitions/{code}'),
  'GET /credential-definitions/{code}': PUBLIC,
  'POST /learners': UNOWNED,
  'GET /learners/{learnerId}/record': PUBLIC,
  // Presented credentials are part of the learner's record (readable like it until consent scoping, issue 18); who may
  // present or re-check is the learner decider's (a submitter only for learners it registered): test/presented-credentials.e2e.spec.ts.
  'GET /learners/{learnerId}/verifiable-credentials': PUBLIC,
  'POST /learners/{learnerId}/verifiable-credentials': UNOWNED,
  'GET /learners/{learnerId}/verifiable-credentials/{vcId}': UNOWNED,
  'POST /learners/{learnerId}/verifiable-credentials/{vcId}/recheck': UNOWNED,
  'POST /learners/{learnerId}/enrollments': seenThrough('GET /courses/{courseId}'),
  'POST /learners/{learnerId}/completions': seenThrough('GET /courses/{courseId}'),
  'POST /learners/{learnerId}/completions/{completionId}/corrections': seenThrough('GET /learners/{learnerId}/record'),
  'POST /learners/{learnerId}/completions/{completionId}/withdrawal': seenThrough('GET /learners/{learnerId}/record'),
  'POST /learners/{learnerId}/credentials': seenThrough('GET /learners/{learnerId}/record'),
  'POST /learners/{learnerId}/credentials/{credentialId}/revocation': seenThrough('GET /learners/{learnerId}/record'),
  'POST /programs/{programId}/versions': seenThrough('GET /programs/{programId}'),
  'GET /programs/{programId}': PUBLIC,
  'GET /programs/{programId}/versions/{version}': PUBLIC,
  'POST /policies/{policyId}/versions': seenThrough('GET /policies/{policyId}'),
  'GET /policies/{policyId}': PUBLIC,
  // The caller's institution has no such program: an admission is always to one's own program.
  'POST /admissions': NOT_FOUND,
  // Learner exceptions live per granting institution: a grant names one's own program (another's is
  // not found); the list is always the caller's institution's (another's is not reachable); another
  // institution's exception is not found in one's own.
  'POST /learners/{learnerId}/exceptions': NOT_FOUND,
  'GET /learners/{learnerId}/exceptions': UNOWNED,
  'POST /learners/{learnerId}/exceptions/{exceptionId}/carry-forward': NOT_FOUND,
  'POST /learners/{learnerId}/exceptions/{exceptionId}/revocation': NOT_FOUND,
  'POST /transfer-requests': UNOWNED,
  'GET /transfer-requests/{requestId}': NOT_FOUND,
  'POST /transfer-requests/{requestId}/decision': NOT_FOUND,
  'POST /transfer-requests/{requestId}/exceptions': NOT_FOUND,
  'POST /transfer-requests/{requestId}/appeal': NOT_FOUND,
  'POST /transfer-requests/{requestId}/revision': NOT_FOUND,
  'POST /transfer-requests/{requestId}/withdrawal': NOT_FOUND,
  'GET /transfer-requests/{requestId}/recognition-credential': NOT_FOUND,
  'GET /transfer-requests/{requestId}/recognition-credentials': NOT_FOUND,
  // Another institution's keys are public (GET /institutions/{id}/keys), rotating them is its own registrars' (or the admin's).
  'POST /institutions/{institutionId}/keys/rotation': seenThrough('GET /institutions/{institutionId}'),
  'GET /eligibility': NOT_FOUND,
  'POST /eligibility/what-if': NOT_FOUND,
  'GET /queue': NOT_FOUND,
  'GET /ledger/{learnerId}': NOT_FOUND,
  'GET /catalog/{institutionId}': PUBLIC,
  'GET /submissions': NOT_FOUND,
  'GET /audit/history/{kind}/{id}': NOT_FOUND,
  'GET /audit/requests/{requestId}/reproduction': NOT_FOUND,
  'POST /audit/policy-impact': NOT_FOUND,
  'GET /audit/verify': UNOWNED,
  // The raw log spans every institution: a scoped auditor verifies it, but exporting needs scope '*'.
  'GET /audit/export': seenThrough('GET /audit/verify'),
  // Verification reads nothing of an institution; registered status lists are shared by everyone.
  'POST /credentials/verify': UNOWNED,
  'POST /status-lists': UNOWNED,
  'GET /status-lists/registered': UNOWNED,
  // A registrar registers for its own institution only (403 for another: the decider names /institutionId).
  'POST /trusted-issuers': UNOWNED,
  'GET /trusted-issuers': PUBLIC,
  'GET /trusted-issuers/{trustedIssuerId}': PUBLIC,
  'POST /trusted-issuers/{trustedIssuerId}/retirement': seenThrough('GET /trusted-issuers/{trustedIssuerId}'),
};
