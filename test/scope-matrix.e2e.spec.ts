import request from 'supertest';
import { courseBody, courseId, microMastersBody, scmPolicy, scmProgram } from '../libs/transfer/test/scm-pathway.http-fixtures';
import { MATRIX } from './support/authorization-matrix';
import { assertNoInternals } from './support/error-bodies';
import { provision, RoleName } from './support/provision';
import { runScmFlow, ScmFlowResult } from './support/scm-flow';
import { SCOPE } from './support/scope-matrix';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';
import { ReadModelProjector } from '@app/projections';

/**
 * The scope rule of support/scope-matrix.ts, operation by operation and role by role: Harvard's
 * credentials (issuer, submitter, registrar, and an auditor scoped to Harvard) ask about what MIT,
 * MITx and the University of Porto own (the SCM flow). What they may not see answers 404, exactly
 * as an unknown id does; what they see but may not change answers 403; published definitions and
 * shared records answer 200. No refusal appends anything or shows internals.
 */
type Call = { path: string; body?: object };
/** `unknown`: the same call on an id that does not exist, answered alike (the message too, but for the id, when `sameMessage`). */
type Recipe = { call: Call; unknown?: Call & { sameMessage?: boolean } };

const UNKNOWN = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

function recipes(flow: ScmFlowResult, exceptionId: string, trustedIssuerId: string): Record<string, Recipe> {
  const { learnerId, requestId, credentialId, completionIds } = flow;
  const items = [...completionIds.map((id) => ({ itemId: `completion:${id}`, outcome: 'granted', reasonCode: 'EQUIVALENT_COURSE' })), { itemId: `credential:${credentialId}`, outcome: 'recognized', reasonCode: 'PATHWAY_CREDENTIAL' }];
  const { courseId: _id, ...courseFields } = courseBody('sc0x');
  const completion = { courseId: courseId('sc0x'), grade: { scale: 'percent', value: '90' }, identityVerified: true, completedOn: '2025-05-01' };
  const onRequest = (action: string, body: object): Recipe => ({ call: { path: `/transfer-requests/${requestId}/${action}`, body }, unknown: { path: `/transfer-requests/${UNKNOWN}/${action}`, body, sameMessage: true } });
  return {
    'GET /institutions/{institutionId}': { call: { path: '/institutions/mit' } },
    'PUT /courses/{courseId}': { call: { path: `/courses/${courseId('sc0x')}`, body: { ...courseFields, title: 'Taken over' } } },
    'GET /courses/{courseId}': { call: { path: `/courses/${courseId('sc0x')}` } },
    'POST /credential-definitions/{code}/versions': { call: { path: '/credential-definitions/MITx-SCM-MM/versions', body: { version: '2030', title: 'Ours now', type: 'MicroMasters', components: [{ courseId: courseId('sc0x') }] } } },
    'GET /credential-definitions/{code}': { call: { path: '/credential-definitions/MITx-SCM-MM' } },
    'GET /learners/{learnerId}/record': { call: { path: `/learners/${learnerId}/record` } },
    'GET /learners/{learnerId}/verifiable-credentials': { call: { path: `/learners/${learnerId}/verifiable-credentials` } },
    'POST /learners/{learnerId}/enrollments': { call: { path: `/learners/${learnerId}/enrollments`, body: { courseId: courseId('sc0x'), enrolledOn: '2025-01-10' } } },
    'POST /learners/{learnerId}/completions': { call: { path: `/learners/${learnerId}/completions`, body: completion } },
    'POST /learners/{learnerId}/completions/{completionId}/corrections': { call: { path: `/learners/${learnerId}/completions/${completionIds[0]}/corrections`, body: { grade: { scale: 'percent', value: '99' }, reason: 'x' } } },
    'POST /learners/{learnerId}/completions/{completionId}/withdrawal': { call: { path: `/learners/${learnerId}/completions/${completionIds[0]}/withdrawal`, body: { reason: 'x' } } },
    'POST /learners/{learnerId}/credentials': { call: { path: `/learners/${learnerId}/credentials`, body: microMastersBody(completionIds) } },
    'POST /learners/{learnerId}/credentials/{credentialId}/revocation': { call: { path: `/learners/${learnerId}/credentials/${credentialId}/revocation`, body: { reason: 'not ours' } } },
    'POST /programs/{programId}/versions': { call: { path: '/programs/mit-scm/versions', body: { definition: { ...scmProgram(), version: '2027-2028' } } } },
    'GET /programs/{programId}': { call: { path: '/programs/mit-scm' } },
    'GET /programs/{programId}/versions/{version}': { call: { path: '/programs/mit-scm/versions/2026-2027' } },
    'POST /policies/{policyId}/versions': { call: { path: '/policies/mit-scm-recognition/versions', body: { definition: { ...scmPolicy(), version: '2027.1', effectiveFrom: '2027-01-01' } } } },
    'GET /policies/{policyId}': { call: { path: '/policies/mit-scm-recognition' } },
    'POST /admissions': { call: { path: '/admissions', body: { learnerId, programId: 'mit-scm' } }, unknown: { path: '/admissions', body: { learnerId, programId: 'no-such-program' } } },
    'POST /learners/{learnerId}/exceptions': {
      call: { path: `/learners/${learnerId}/exceptions`, body: { programId: 'mit-scm', programVersion: '2026-2027', kind: 'waive', rulePath: 'mit-scm/capstone', reason: 'ours now' } },
      unknown: { path: `/learners/${learnerId}/exceptions`, body: { programId: 'no-such-program', programVersion: '2026-2027', kind: 'waive', rulePath: 'mit-scm/capstone', reason: 'ours now' } },
    },
    'POST /learners/{learnerId}/exceptions/{exceptionId}/carry-forward': {
      call: { path: `/learners/${learnerId}/exceptions/${exceptionId}/carry-forward`, body: { toVersion: '2027-2028' } },
      unknown: { path: `/learners/${learnerId}/exceptions/${UNKNOWN}/carry-forward`, body: { toVersion: '2027-2028' } },
    },
    'POST /learners/{learnerId}/exceptions/{exceptionId}/revocation': {
      call: { path: `/learners/${learnerId}/exceptions/${exceptionId}/revocation`, body: { reason: 'not ours' } },
      unknown: { path: `/learners/${learnerId}/exceptions/${UNKNOWN}/revocation`, body: { reason: 'not ours' } },
    },
    'GET /transfer-requests/{requestId}': { call: { path: `/transfer-requests/${requestId}` }, unknown: { path: `/transfer-requests/${UNKNOWN}`, sameMessage: true } },
    'POST /transfer-requests/{requestId}/decision': onRequest('decision', { items }),
    'POST /transfer-requests/{requestId}/exceptions': onRequest('exceptions', { kind: 'waive', rulePath: 'mit-scm/capstone', reason: 'industry project' }),
    'POST /transfer-requests/{requestId}/appeal': onRequest('appeal', { grounds: 'the exam counts' }),
    'POST /transfer-requests/{requestId}/revision': onRequest('revision', { items, note: 'upheld' }),
    'POST /transfer-requests/{requestId}/withdrawal': onRequest('withdrawal', {}),
    'GET /transfer-requests/{requestId}/recognition-credential': { call: { path: `/transfer-requests/${requestId}/recognition-credential` }, unknown: { path: `/transfer-requests/${UNKNOWN}/recognition-credential`, sameMessage: true } },
    'GET /transfer-requests/{requestId}/recognition-credentials': { call: { path: `/transfer-requests/${requestId}/recognition-credentials` }, unknown: { path: `/transfer-requests/${UNKNOWN}/recognition-credentials`, sameMessage: true } },
    'POST /institutions/{institutionId}/keys/rotation': { call: { path: '/institutions/mit/keys/rotation', body: {} } },
    'GET /eligibility': { call: { path: `/eligibility?learnerId=${learnerId}&programId=mit-scm` } },
    'POST /eligibility/what-if': { call: { path: '/eligibility/what-if', body: { learnerId, programId: 'mit-scm' } } },
    'GET /queue': { call: { path: '/queue?institutionId=mit' } },
    'GET /ledger/{learnerId}': { call: { path: `/ledger/${learnerId}?institutionId=mit` }, unknown: { path: `/ledger/${UNKNOWN}?institutionId=mit`, sameMessage: true } },
    'GET /catalog/{institutionId}': { call: { path: '/catalog/mit' } },
    'GET /submissions': { call: { path: '/submissions?institutionId=uni-porto' } },
    'GET /audit/history/{kind}/{id}': { call: { path: '/audit/history/institution/mit' }, unknown: { path: '/audit/history/institution/no-such-institution' } },
    'GET /audit/requests/{requestId}/reproduction': { call: { path: `/audit/requests/${requestId}/reproduction` }, unknown: { path: `/audit/requests/${UNKNOWN}/reproduction`, sameMessage: true } },
    'POST /audit/policy-impact': { call: { path: '/audit/policy-impact', body: { definition: { ...scmPolicy(), version: '2027.2' } } } },
    'GET /audit/verify': { call: { path: '/audit/verify' } },
    'GET /audit/export': { call: { path: '/audit/export' } },
    'GET /trusted-issuers': { call: { path: '/trusted-issuers?institutionId=mit' } },
    'GET /trusted-issuers/{trustedIssuerId}': { call: { path: `/trusted-issuers/${trustedIssuerId}` } },
    'POST /trusted-issuers/{trustedIssuerId}/retirement': { call: { path: `/trusted-issuers/${trustedIssuerId}/retirement`, body: { reason: 'not ours' } } },
  };
}

describe('scope matrix: another institution’s resources are not found (404), visible ones not the caller’s to change are 403', () => {
  let t: StandaloneUnderTest;
  let flow: ScmFlowResult;
  let calls: Record<string, Recipe>;
  const harvard: Partial<Record<RoleName, string>> = {};

  const send = (operation: string, token: string, call: Call) => {
    const [method] = operation.split(' ');
    const req = request(t.server)[method.toLowerCase() as 'get' | 'post' | 'put'](call.path).auth(token, { type: 'bearer' });
    return method === 'GET' ? req : req.send(call.body ?? {});
  };
  const scopedRoles = (operation: string) => MATRIX[operation].filter((role): role is Exclude<RoleName, 'admin'> => role !== 'admin');

  beforeAll(async () => {
    t = await startStandalone();
    flow = await runScmFlow(t);
    Object.assign(harvard, await provision(t, { institutionId: 'harvard', name: 'Harvard University', country: 'US', creditUnit: 'US_SEMESTER' }, ['issuer', 'submitter', 'registrar']));
    harvard.auditor = (await request(t.server).post('/institutions/platform/credentials').auth(t.adminToken, { type: 'bearer' })
      .send({ role: 'auditor', label: 'Harvard QA', auditScope: ['harvard'] }).expect(201)).body.token as string;
    await request(t.server).post('/credential-definitions/MITx-SCM-MM/versions').auth(flow.tokens.mitx.issuer, { type: 'bearer' })
      .send({ version: '2025', title: 'MicroMasters Program in Supply Chain Management', type: 'MicroMasters', components: [{ courseId: courseId('sc0x') }] }).expect(201);
    const waiver = { programId: 'mit-scm', programVersion: '2026-2027', kind: 'waive', rulePath: 'mit-scm/capstone', reason: 'industry capstone' };
    const granted = await request(t.server).post(`/learners/${flow.learnerId}/exceptions`).auth(flow.tokens.mit.registrar, { type: 'bearer' }).send(waiver).expect(201);
    const trusted = { did: 'did:web:credentials.mitx.example', name: 'MITx credentials', institutionId: 'mit', publicKeyMultibase: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' };
    const trustedIssuerId = (await request(t.server).post('/trusted-issuers').auth(flow.tokens.mit.registrar, { type: 'bearer' }).send(trusted).expect(201)).body.id as string;
    calls = recipes(flow, granted.body.id as string, trustedIssuerId);
    await t.app.get(ReadModelProjector).waitFor(await t.store.headPosition());
  }, 60000);
  afterAll(() => t?.close());

  it('states a rule for every operation of the authorization matrix, and a call for every rule to check', () => {
    expect(Object.keys(SCOPE).sort()).toEqual(Object.keys(MATRIX).sort());
    const toCheck = Object.entries(SCOPE).filter(([operation, rule]) => rule.kind !== 'unowned' || operation === 'GET /audit/verify').map(([operation]) => operation);
    expect(toCheck.filter((operation) => !calls[operation])).toEqual([]);
    for (const rule of Object.values(SCOPE)) if (rule.kind === 'forbidden') expect(SCOPE[rule.seenThrough]).toBeDefined();
  });

  const cases = Object.entries(SCOPE)
    .filter(([, rule]) => rule.kind !== 'unowned')
    .flatMap(([operation, rule]) => MATRIX[operation].filter((role) => role !== 'admin').map((role) => ({ operation, role, rule: rule.kind })));

  it.each(cases)('$operation as Harvard’s $role: $rule', async ({ operation, role }) => {
    const rule = SCOPE[operation];
    const token = harvard[role] as string;
    const head = await t.store.headPosition();
    const response = await send(operation, token, calls[operation].call);
    if (rule.kind === 'public') {
      expect([operation, role, response.status]).toEqual([operation, role, 200]);
      return;
    }
    expect([operation, role, response.status]).toEqual([operation, role, rule.kind === 'not-found' ? 404 : 403]);
    expect(typeof response.body.code).toBe('string');
    assertNoInternals(response.body);
    expect(await t.store.headPosition()).toBe(head);
    if (rule.kind === 'forbidden') {
      const seen = rule.seenThrough;
      expect(scopedRoles(seen)).toContain(role);
      const read = await send(seen, token, calls[seen].call);
      expect([seen, role, read.status]).toEqual([seen, role, 200]);
    }
    const unknown = calls[operation].unknown;
    if (rule.kind === 'not-found' && unknown) {
      // Indistinguishable from an id that does not exist: same status and code (and message, but for the id).
      const other = await send(operation, token, unknown);
      expect([other.status, other.body.code]).toEqual([404, response.body.code]);
      const masked = (message: string) => message.replace(flow.requestId, '<id>').replace(UNKNOWN, '<id>');
      if (unknown.sameMessage) expect(masked(other.body.message)).toBe(masked(response.body.message));
    }
  });

  it('the parties in scope reach the same resources (so each 404 above is the scope, not a missing resource)', async () => {
    const { mit, uni } = flow.tokens;
    await send('GET /transfer-requests/{requestId}', mit.registrar, calls['GET /transfer-requests/{requestId}'].call).expect(200);
    await send('GET /transfer-requests/{requestId}', uni.submitter, calls['GET /transfer-requests/{requestId}'].call).expect(200);
    await send('GET /transfer-requests/{requestId}/recognition-credential', uni.submitter, calls['GET /transfer-requests/{requestId}/recognition-credential'].call).expect(200);
    await send('GET /transfer-requests/{requestId}/recognition-credentials', mit.registrar, calls['GET /transfer-requests/{requestId}/recognition-credentials'].call).expect(200);
    await send('POST /institutions/{institutionId}/keys/rotation', mit.registrar, calls['POST /institutions/{institutionId}/keys/rotation'].call).expect(201);
    await send('GET /eligibility', mit.registrar, calls['GET /eligibility'].call).expect(200);
    await send('GET /queue', mit.registrar, calls['GET /queue'].call).expect(200);
    await send('GET /ledger/{learnerId}', mit.registrar, calls['GET /ledger/{learnerId}'].call).expect(200);
    await send('GET /submissions', uni.submitter, calls['GET /submissions'].call).expect(200);
    await send('GET /audit/requests/{requestId}/reproduction', mit.registrar, calls['GET /audit/requests/{requestId}/reproduction'].call).expect(200);
    await send('POST /audit/policy-impact', mit.registrar, calls['POST /audit/policy-impact'].call).expect(200);
    const mitAuditor = (await request(t.server).post('/institutions/platform/credentials').auth(t.adminToken, { type: 'bearer' })
      .send({ role: 'auditor', label: 'MIT QA', auditScope: ['mit'] }).expect(201)).body.token as string;
    await send('GET /audit/history/{kind}/{id}', mitAuditor, calls['GET /audit/history/{kind}/{id}'].call).expect(200);
  });
});
