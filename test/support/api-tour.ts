import request from 'supertest';
import { ReadModelProjector } from '@app/projections';
import { courseBody, courseId, microMastersBody, ONLINE, scmPolicy, scmProgram } from '../../libs/transfer/test/scm-pathway.http-fixtures';
import type { StandaloneUnderTest } from './standalone-app';
import { DCC_LIST_URL, dccFixture } from '../../libs/credentials/test/verification/fakes';
import { eddsaJwt, newIssuer, ob3Credential, statusEntry, statusList } from '../../libs/credentials/test/verification/issue-fixtures';

/** One answer of the tour, as the client saw it. */
export interface RecordedAnswer {
  method: string;
  path: string;
  status: number;
  contentType: string;
  body: unknown;
  text: string;
}

type Method = 'get' | 'post' | 'put';

/**
 * Calls every operation of the API at least once with an answer in 2xx, in the order a new
 * deployment meets them (the MIT SCM blended pathway end to end, then the query and audit APIs),
 * and records every answer: the OpenAPI response test validates each against its declared schema.
 */
export async function apiTour(t: StandaloneUnderTest): Promise<RecordedAnswer[]> {
  const answers: RecordedAnswer[] = [];
  const call = async (method: Method, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) => {
    let req = request(t.server)[method](path);
    if (token) req = req.auth(token, { type: 'bearer' });
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    if (path.startsWith('/audit/export')) req = req.buffer(true);
    const res = method === 'get' ? await req : await req.send((body ?? {}) as object);
    if (res.status >= 300) throw new Error(`${method.toUpperCase()} ${path} answered ${res.status}: ${res.text}`);
    answers.push({ method: method.toUpperCase(), path: path.split('?')[0], status: res.status, contentType: String(res.headers['content-type'] ?? ''), body: res.body, text: res.text });
    return res;
  };
  const admin = t.adminToken;
  const caughtUp = async () => t.app.get(ReadModelProjector).waitFor(await t.store.headPosition());

  await call('get', '/health', null);
  await call('get', '/schemas', null);
  await call('get', '/schemas/program.schema.json', null);
  await call('get', '/schemas/recognition-policy.schema.json', null);

  const tokens: Record<string, string> = {};
  const institution = async (institutionId: string, name: string, country: string, creditUnit: string, roles: string[]) => {
    await call('post', '/institutions', admin, { institutionId, name, country, creditUnit });
    for (const role of roles) tokens[`${institutionId}:${role}`] = (await call('post', `/institutions/${institutionId}/credentials`, admin, { role, label: role })).body.token as string;
  };
  await institution('mit', 'MIT', 'US', 'US_SEMESTER', ['registrar']);
  await institution('mitx', 'MITx', 'US', 'US_SEMESTER', ['issuer']);
  await institution('uni-porto', 'Universidade do Porto', 'PT', 'ECTS', ['submitter']);
  const auditor = (await call('post', '/institutions/platform/credentials', admin, { role: 'auditor', label: 'accreditor', auditScope: ['*'] })).body.token as string;
  const spare = await call('post', '/institutions/mit/credentials', admin, { role: 'auditor', label: 'spare', auditScope: ['mit'] });
  await call('post', `/credentials/${spare.body.credentialId as string}/revoke`, admin, { reason: 'not needed' });
  await call('get', '/institutions/mit', tokens['mit:registrar']);

  const issuer = tokens['mitx:issuer'];
  for (const code of ONLINE) await call('post', '/courses', issuer, courseBody(code));
  const { courseId: _id, ...definition } = courseBody('sc0x');
  await call('put', `/courses/${courseId('sc0x')}`, issuer, { ...definition, title: 'Supply Chain Analytics' });
  await call('get', `/courses/${courseId('sc0x')}`, issuer);
  const learnerId = (await call('post', '/learners', issuer, {})).body.id as string;
  await call('post', `/learners/${learnerId}/enrollments`, issuer, { courseId: courseId('sc0x'), term: '2025T1', enrolledOn: '2025-01-10' });
  const completionIds: string[] = [];
  for (const [i, code] of ONLINE.entries()) {
    const body = { courseId: courseId(code), grade: { scale: 'percent', value: String(80 + i) }, identityVerified: true, completedOn: `2025-0${i + 2}-15` };
    completionIds.push((await call('post', `/learners/${learnerId}/completions`, issuer, body)).body.id as string);
  }
  await call('post', `/learners/${learnerId}/completions/${completionIds[0]}/corrections`, issuer, { grade: { scale: 'percent', value: '88' }, reason: 're-marked' });
  const strayId = (await call('post', `/learners/${learnerId}/completions`, issuer, { courseId: courseId('sc0x'), grade: { scale: 'percent', value: '70' }, identityVerified: true, completedOn: '2025-07-15' })).body.id as string;
  await call('post', `/learners/${learnerId}/completions/${strayId}/withdrawal`, issuer, { reason: 'recorded on the wrong learner' });
  const mm = microMastersBody(completionIds);
  await call('post', `/credential-definitions/${mm.code}/versions`, issuer, { version: '2025', title: mm.title, type: mm.type, components: ONLINE.map((code) => ({ courseId: courseId(code) })), autoAward: { learningOutcomes: ['Design supply chain networks'], workload: { credits: '20', unit: 'US_SEMESTER' }, eqfLevel: 7, assessmentType: 'proctored-exam', participation: 'online', qualityAssurance: 'MIT internal review' } });
  await call('get', `/credential-definitions/${mm.code}`, issuer);
  const credentialId = (await call('post', `/learners/${learnerId}/credentials`, issuer, mm)).body.id as string;
  await call('get', `/learners/${learnerId}/record`, issuer);

  const registrar = tokens['mit:registrar'];
  await call('post', '/programs/mit-scm/versions', registrar, { definition: scmProgram() });
  await call('get', '/programs/mit-scm', registrar);
  await call('get', '/programs/mit-scm/versions/2026-2027', registrar);
  await call('post', '/policies/mit-scm-recognition/versions', registrar, { definition: scmPolicy() });
  await call('get', '/policies/mit-scm-recognition', registrar);
  await call('post', '/admissions', registrar, { learnerId, programId: 'mit-scm', decidedOn: '2026-01-15' });

  const submitter = tokens['uni-porto:submitter'];
  const submission = { learnerId, receivingInstitution: 'mit', programId: 'mit-scm', evidence: { completionIds, credentialIds: [credentialId] } };
  const submitted = await call('post', '/transfer-requests', submitter, submission);
  const requestId = submitted.body.id as string;
  await call('get', `/transfer-requests/${requestId}`, submitter);
  const items = [
    ...completionIds.map((id) => ({ itemId: `completion:${id}`, outcome: 'granted', reasonCode: 'EQUIVALENT_COURSE' })),
    { itemId: `credential:${credentialId}`, outcome: 'recognized', reasonCode: 'PATHWAY_CREDENTIAL', note: 'unlocks the blended residency' },
  ];
  await call('post', `/transfer-requests/${requestId}/decision`, registrar, { items }, { 'If-Match': String(submitted.headers.etag) });
  await call('post', `/transfer-requests/${requestId}/exceptions`, registrar, { kind: 'waive', rulePath: 'mit-scm/capstone', reason: 'capstone done at a partner' });
  // a partial revision: the appeal contests the credential alone, the revision re-decides it and keeps the courses
  await call('post', `/transfer-requests/${requestId}/appeal`, submitter, { grounds: 'the credential is the pathway credential', itemIds: [`credential:${credentialId}`] });
  await call('post', `/transfer-requests/${requestId}/revision`, registrar, { items: items.slice(-1), note: 'upheld' });
  await call('get', `/transfer-requests/${requestId}`, registrar);
  // recognition credentials: the current one, the history (the decision's revoked by the revision), the hosted list, keys, DID, rotation
  const recognition = (await call('get', `/transfer-requests/${requestId}/recognition-credential`, submitter)).body as { credentialStatus: { statusListCredential: string } };
  await call('get', `/transfer-requests/${requestId}/recognition-credentials`, auditor);
  await call('get', new URL(recognition.credentialStatus.statusListCredential).pathname, null);
  await call('get', '/institutions/mit/keys', null);
  await call('get', '/institutions/mit/did.json', null);
  await call('post', '/institutions/mit/keys/rotation', registrar, { reason: 'scheduled' });
  const second = (await call('post', '/transfer-requests', submitter, { ...submission, evidence: { completionIds: [completionIds[0]] } })).body.id as string;
  await call('post', `/transfer-requests/${second}/withdrawal`, submitter, { reason: 'sent by mistake' });
  // an exception granted to the learner, not on a request: eligibility reports it with source "learner";
  // a second catalog year, to which the registrar carries one forward, then revokes the other
  const waiver = { programId: 'mit-scm', programVersion: '2026-2027', kind: 'waive', reason: 'industry project at the sponsor' };
  const electives = (await call('post', `/learners/${learnerId}/exceptions`, registrar, { ...waiver, rulePath: 'mit-scm/electives' })).body.id as string;
  const residence = (await call('post', `/learners/${learnerId}/exceptions`, registrar, { ...waiver, rulePath: 'mit-scm/residence-units' })).body.id as string;
  await call('post', '/programs/mit-scm/versions', registrar, { definition: { ...scmProgram(), version: '2027-2028' } });
  await call('post', `/learners/${learnerId}/exceptions/${electives}/carry-forward`, registrar, { toVersion: '2027-2028' });
  await call('post', `/learners/${learnerId}/exceptions/${residence}/revocation`, registrar, { reason: 'granted in error' });
  await call('get', `/learners/${learnerId}/exceptions`, registrar);

  await caughtUp();
  await call('get', `/eligibility?learnerId=${learnerId}&programId=mit-scm`, registrar);
  await call('get', `/eligibility?learnerId=${learnerId}&programId=mit-scm&on=2026-12-15`, registrar);
  await call('get', `/eligibility?learnerId=${learnerId}&programId=mit-scm&asOf=${await t.store.headPosition()}`, auditor);
  const hypothetical = { courseId: 'course-v1:MITx.SC9x', issuerId: 'mitx', title: 'Elective', credits: '1', unit: 'US_SEMESTER', eqfLevel: 7, field: 'supply-chain', grade: { scale: 'percent', value: '90' }, completedOn: '2025-06-01' };
  await call('post', '/eligibility/what-if', registrar, { learnerId, programId: 'mit-scm', extraCompletions: [hypothetical], policy: { policyId: 'mit-scm-recognition', version: '2026.1' } });
  await call('get', '/queue', registrar);
  await call('get', `/queue?institutionId=mit&asOf=${await t.store.headPosition()}`, auditor);
  await call('get', '/submissions', submitter);
  await call('get', `/ledger/${learnerId}`, registrar);
  await call('get', `/ledger/${learnerId}?institutionId=mit&asOf=${await t.store.headPosition()}`, auditor);
  await call('get', '/catalog/mit?on=2026-06-01', submitter);

  // The trusted-issuer registry: registered by the receiving registrar, read, retired.
  const trusted = { did: 'did:web:credentials.mitx.example', name: 'MITx credentials', institutionId: 'mit', publicKeyMultibase: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', creditUnit: 'US_SEMESTER' };
  const trustedIssuerId = (await call('post', '/trusted-issuers', registrar, trusted)).body.id as string;
  await call('get', '/trusted-issuers?institutionId=mit', submitter);
  await call('get', `/trusted-issuers/${trustedIssuerId}`, auditor);
  await call('post', `/trusted-issuers/${trustedIssuerId}/retirement`, admin, { reason: 'key rotated' });
  await call('get', '/trusted-issuers?includeRetired=true', registrar);

  await call('post', `/learners/${learnerId}/credentials/${credentialId}/revocation`, issuer, { reason: 'identity verification failed' });
  await caughtUp();
  await call('get', `/audit/history/learner/${learnerId}`, auditor);
  await call('get', `/audit/history/request/${requestId}?limit=2`, auditor);
  await call('get', `/audit/requests/${requestId}/reproduction`, auditor);
  await call('post', '/audit/policy-impact', registrar, { definition: { ...scmPolicy(), version: '2027.1', effectiveFrom: '2027-01-01', minGrade: 85 } });
  await call('get', '/audit/verify', auditor);
  await call('get', '/audit/export?category=learner', auditor);

  // Credentials: a status list registered by a registrar, then verifications that find it.
  await call('post', '/status-lists', registrar, { credential: dccFixture('status-list.e5WK8CbZ1GjycuPombrj.json'), url: DCC_LIST_URL });
  await call('get', '/status-lists/registered', submitter);
  await call('post', '/credentials/verify', submitter, { credential: dccFixture('ed25519-2020.revoked.json') });
  await call('post', '/credentials/verify', registrar, { credential: dccFixture('ob3-spec-example.eddsa-rdfc-2022.json'), referenceDate: '2026-01-01T00:00:00Z' });
  const signer = await newIssuer();
  const assertion = await signer.sign(ob3Credential(signer.did));
  const clr = await eddsaJwt(signer, { ...ob3Credential(signer.did), type: ['VerifiableCredential', 'ClrCredential'], credentialSubject: { id: 'did:example:learner', type: ['ClrSubject'], verifiableCredential: [assertion] } });
  await call('post', '/credentials/verify', registrar, { credential: clr });

  // Presented credentials: a signed OB3 credential of a trusted issuer as the learner's evidence; its status re-checked.
  const LIST = 'https://status.mitx.example/lists/tour';
  await call('post', '/trusted-issuers', admin, { did: signer.did, name: 'MITx signing key', institutionId: 'mitx', publicKeyMultibase: signer.keyPair.publicKeyMultibase, creditUnit: 'US_SEMESTER' });
  const presented = await signer.sign(ob3Credential(signer.did, { credentialStatus: statusEntry(LIST, 7) }));
  const vcId = (await call('post', `/learners/${learnerId}/verifiable-credentials`, registrar, { credential: presented, statusLists: [await statusList(signer, LIST, 'revocation', [])] })).body.id as string;
  await call('get', `/learners/${learnerId}/verifiable-credentials`, submitter);
  await call('get', `/learners/${learnerId}/verifiable-credentials/${vcId}`, auditor);
  await call('post', `/learners/${learnerId}/verifiable-credentials/${vcId}/recheck`, registrar, { statusLists: [await statusList(signer, LIST, 'revocation', [7])] });
  return answers;
}
