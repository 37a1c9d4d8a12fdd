import { RoleName } from './provision';

/**
 * The specification of who may call what: for each operation (as OpenAPI names it), the roles
 * allowed. test/authorization-matrix.e2e.spec.ts checks the app against it; the fuzz test uses
 * it to call each write endpoint as a role that passes the guard. A role the table does not list is
 * refused 403 whatever the resource; what an allowed role gets for another institution's resource
 * (404 when it may not see it, 403 when it sees it but may not change it) is support/scope-matrix.ts.
 */
export const ALL: RoleName[] = ['admin', 'issuer', 'submitter', 'registrar', 'auditor'];
export const READERS: RoleName[] = ['issuer', 'submitter', 'registrar', 'auditor'];

export const MATRIX: Record<string, RoleName[]> = {
  'POST /institutions': ['admin'],
  'GET /institutions/{institutionId}': ALL,
  'POST /institutions/{institutionId}/credentials': ['admin'],
  'POST /credentials/{credentialId}/revoke': ['admin'],
  'POST /courses': ['issuer'],
  'PUT /courses/{courseId}': ['issuer'],
  'GET /courses/{courseId}': READERS,
  'POST /credential-definitions/{code}/versions': ['issuer'],
  'GET /credential-definitions/{code}': READERS,
  'POST /learners': ['issuer', 'submitter'],
  'GET /learners/{learnerId}/record': READERS,
  'POST /learners/{learnerId}/verifiable-credentials': ['submitter', 'registrar', 'issuer'],
  'GET /learners/{learnerId}/verifiable-credentials': READERS,
  'GET /learners/{learnerId}/verifiable-credentials/{vcId}': READERS,
  'POST /learners/{learnerId}/verifiable-credentials/{vcId}/recheck': ['submitter', 'registrar', 'issuer'],
  'POST /learners/{learnerId}/enrollments': ['issuer'],
  'POST /learners/{learnerId}/completions': ['issuer'],
  'POST /learners/{learnerId}/completions/{completionId}/corrections': ['issuer'],
  'POST /learners/{learnerId}/completions/{completionId}/withdrawal': ['issuer'],
  'POST /learners/{learnerId}/credentials': ['issuer'],
  'POST /learners/{learnerId}/credentials/{credentialId}/revocation': ['issuer'],
  'POST /programs/{programId}/versions': ['registrar'],
  'GET /programs/{programId}': ALL,
  'GET /programs/{programId}/versions/{version}': ALL,
  'POST /policies/{policyId}/versions': ['registrar'],
  'GET /policies/{policyId}': ALL,
  'POST /admissions': ['registrar'],
  'POST /learners/{learnerId}/exceptions': ['registrar'],
  'GET /learners/{learnerId}/exceptions': ['registrar'],
  'POST /learners/{learnerId}/exceptions/{exceptionId}/carry-forward': ['registrar'],
  'POST /learners/{learnerId}/exceptions/{exceptionId}/revocation': ['registrar'],
  'POST /transfer-requests': ['submitter'],
  'GET /transfer-requests/{requestId}': ['submitter', 'registrar', 'auditor'],
  'POST /transfer-requests/{requestId}/decision': ['registrar'],
  'POST /transfer-requests/{requestId}/exceptions': ['registrar'],
  'POST /transfer-requests/{requestId}/appeal': ['submitter'],
  'POST /transfer-requests/{requestId}/revision': ['registrar'],
  'POST /transfer-requests/{requestId}/withdrawal': ['submitter'],
  'GET /transfer-requests/{requestId}/recognition-credential': ['submitter', 'registrar', 'auditor'],
  'GET /transfer-requests/{requestId}/recognition-credentials': ['submitter', 'registrar', 'auditor'],
  'POST /institutions/{institutionId}/keys/rotation': ['admin', 'registrar'],
  'GET /eligibility': ['registrar', 'auditor'],
  'POST /eligibility/what-if': ['registrar', 'auditor'],
  'GET /queue': ['registrar', 'auditor'],
  'GET /ledger/{learnerId}': ['registrar', 'auditor'],
  'GET /catalog/{institutionId}': ALL,
  'GET /submissions': ['submitter', 'auditor'],
  'GET /audit/history/{kind}/{id}': ['admin', 'auditor'],
  'GET /audit/requests/{requestId}/reproduction': ['admin', 'auditor', 'registrar'],
  'POST /audit/policy-impact': ['admin', 'auditor', 'registrar'],
  'GET /audit/verify': ['admin', 'auditor'],
  'GET /audit/export': ['admin', 'auditor'],
  'POST /credentials/verify': ALL,
  'POST /status-lists': ['admin', 'registrar'],
  'GET /status-lists/registered': ALL,
  'POST /trusted-issuers': ['admin', 'registrar'],
  'GET /trusted-issuers': ALL,
  'GET /trusted-issuers/{trustedIssuerId}': ALL,
  'POST /trusted-issuers/{trustedIssuerId}/retirement': ['admin', 'registrar'],
};
