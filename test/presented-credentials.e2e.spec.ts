/**
 * A learner's signed Open Badges 3.0 credential as the evidence of a credit-transfer request
 * (issue 14, "Present as evidence"), over the public HTTP API, on Curtin University's published
 * rule for its Master of Human Rights: the CurtinX Human Rights MicroMasters counts for up to a
 * quarter of the 300-credit master (sources and assumptions: test/scenarios/curtin-human-rights.scenario.e2e.spec.ts).
 * Here Curtin's policy credits only presented, verified credentials signed by CurtinX's key,
 * with a known revocation status. The credential is signed in the test with a generated key.
 */
import request from 'supertest';
import { newIssuer, ob3Credential, statusEntry, statusList, TestIssuer } from '../libs/credentials/test/verification/issue-fixtures';
import { provision } from './support/provision';
import { settled } from './support/settled';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

const CURTIN = 'curtin';
const CURTINX = 'curtinx';
const PROGRAM = 'curtin-master-human-rights';
const LIST = 'https://credentials.curtinx.example/status/revocation/1';

const program = {
  id: PROGRAM, version: '2026', title: 'Curtin University Master of Human Rights', institution: 'Curtin University',
  creditUnit: 'CURTIN_CREDIT', conversion: { CURTIN_CREDIT: '3/10' }, totalCredits: 300, admissionRequired: true,
  requirements: {
    id: 'mhr',
    allOf: [
      { id: 'micromasters-credit', label: 'CurtinX Human Rights MicroMasters (a quarter of the master)', credits: 75, filter: { source: 'transfer', tags: ['curtinx-human-rights'] } },
      { id: 'core-units', label: 'Core human rights units', credits: 150, filter: { source: 'home' } },
      { id: 'project', label: 'Human rights project', credits: 75, filter: { source: 'home', tags: ['project'] } },
    ],
  },
};
const policy = (issuerDid: string) => ({
  id: 'curtin-crl-human-rights', version: '2026.1', effectiveFrom: '2026-01-01', receivingInstitution: CURTIN, programId: PROGRAM,
  creditUnit: 'CURTIN_CREDIT', conversion: { CURTIN_CREDIT: '3/10' }, acceptedIssuers: [CURTINX], completeCredentialRequired: true, admissionRequired: true, maxAgeYears: 10,
  requireVerified: true, refuseUnknownStatus: true, acceptedIssuerDids: [issuerDid],
  equivalencies: [{ id: 'human-rights-micromasters', match: { issuer: CURTINX, code: 'CurtinX-HR-MM', kind: 'credential' }, grant: { as: 'elective', credits: 75, field: 'human-rights', tags: ['curtinx-human-rights'] } }],
});
const micromasters = (issuer: TestIssuer, extra: Record<string, unknown> = {}) =>
  ob3Credential(issuer.did, {
    name: 'Human Rights MicroMasters',
    issuer: { id: issuer.did, type: ['Profile'], name: 'CurtinX' },
    validFrom: '2026-06-30T00:00:00Z',
    credentialSubject: {
      id: 'urn:uuid:5f0c8e34-6a6f-4e47-9a52-3f3b1c9d2a10',
      type: ['AchievementSubject'],
      creditsEarned: 25,
      achievement: {
        id: 'https://credentials.curtinx.example/achievements/hr-micromasters', type: ['Achievement'], name: 'Human Rights MicroMasters',
        description: 'Four graduate-level courses in human rights', criteria: { narrative: 'Pass the four courses of the program' },
        achievementType: 'MicroCredential', humanCode: 'CurtinX-HR-MM', fieldOfStudy: 'human-rights', creditsAvailable: 25,
      },
    },
    credentialStatus: statusEntry(LIST, 42),
    ...extra,
  });

describe('presented credentials: a signed MicroMasters as the evidence of a Curtin credit-transfer request', () => {
  let t: StandaloneUnderTest;
  let curtin: Record<string, string>;
  let curtinx: Record<string, string>;
  let careers: Record<string, string>;
  let other: Record<string, string>;
  let issuer: TestIssuer;
  let learnerId: string;
  let signed: Record<string, unknown>;
  let clearList: Record<string, unknown>;

  const as = (token: string) => ({
    post: (path: string, body: unknown) => request(t.server).post(path).auth(token, { type: 'bearer' }).send(body as object),
    get: (path: string) => request(t.server).get(path).auth(token, { type: 'bearer' }),
  });

  beforeAll(async () => {
    t = await startStandalone();
    curtin = await provision(t, { institutionId: CURTIN, name: 'Curtin University', country: 'AU', creditUnit: 'ECTS' }, ['registrar']);
    curtinx = await provision(t, { institutionId: CURTINX, name: 'CurtinX', country: 'AU', creditUnit: 'ECTS' }, ['issuer']);
    careers = await provision(t, { institutionId: 'uni-wa-careers', name: 'Careers service', country: 'AU', creditUnit: 'ECTS' }, ['submitter']);
    other = await provision(t, { institutionId: 'uni-other', name: 'Another university', country: 'AU', creditUnit: 'ECTS' }, ['submitter']);
    issuer = await newIssuer();
    await as(curtin.registrar).post(`/programs/${PROGRAM}/versions`, { definition: program }).expect(201);
    await as(curtin.registrar).post('/policies/curtin-crl-human-rights/versions', { definition: policy(issuer.did) }).expect(201);
    learnerId = (await as(careers.submitter).post('/learners', {}).expect(201)).body.id as string;
    await as(curtin.registrar).post('/admissions', { learnerId, programId: PROGRAM, decidedOn: '2026-08-01' }).expect(201);
    signed = (await issuer.sign(micromasters(issuer))) as Record<string, unknown>;
    clearList = (await statusList(issuer, LIST, 'revocation', [])) as Record<string, unknown>;
  }, 60_000);
  afterAll(() => t?.close());

  const present = (body: unknown, token = careers.submitter) => as(token).post(`/learners/${learnerId}/verifiable-credentials`, body);

  it('refuses a valid credential while its issuer is not trusted (422 with the checks), appending nothing', async () => {
    const head = await t.store.headPosition();
    const res = await present({ credential: signed, statusLists: [clearList] }).expect(422);
    expect(res.body).toMatchObject({ code: 'issuer-not-trusted' });
    expect(res.body.checks).toEqual(expect.arrayContaining([expect.objectContaining({ check: 'proof', outcome: 'passed' }), expect.objectContaining({ check: 'issuer', outcome: 'failed' })]));
    expect(await t.store.headPosition()).toBe(head);
  });

  it('refuses a tampered copy (422, the proof failed) once the issuer is trusted', async () => {
    await as(t.adminToken).post('/trusted-issuers', { did: issuer.did, name: 'CurtinX credentials', institutionId: CURTINX, publicKeyMultibase: issuer.keyPair.publicKeyMultibase, creditUnit: 'ECTS' }).expect(201);
    const tampered = { ...signed, credentialSubject: { ...(signed.credentialSubject as object), creditsEarned: 60 } };
    const head = await t.store.headPosition();
    const res = await present({ credential: tampered, statusLists: [clearList] }).expect(422);
    expect(res.body.code).toBe('credential-not-verified');
    expect(res.body.checks).toEqual(expect.arrayContaining([expect.objectContaining({ check: 'proof', outcome: 'failed' })]));
    expect(await t.store.headPosition()).toBe(head);
  });

  it('lets only the submitter that registered the learner present for it (403)', async () => {
    const res = await present({ credential: signed, statusLists: [clearList] }, other.submitter).expect(403);
    expect(res.body.code).toBe('not-learner-registrar');
  });

  let vcId: string;
  it('records the verified credential with its key, status list and achievement as evidence, and refuses it twice', async () => {
    vcId = (await present({ credential: signed, statusLists: [clearList] }).expect(201)).body.id as string;
    const one = (await as(curtin.registrar).get(`/learners/${learnerId}/verifiable-credentials/${vcId}`).expect(200)).body;
    expect(one.document).toEqual(signed);
    expect(one.verification).toMatchObject({ verified: true, format: 'ob3', status: 'not-revoked', issuer: { id: issuer.did, trusted: true, institutionId: CURTINX }, statusList: { url: LIST, source: 'request' } });
    expect(one.verification.key.id).toBe(`${issuer.did}#${issuer.keyPair.publicKeyMultibase}`);
    expect(one.credential.achievements).toEqual([expect.objectContaining({ code: 'CurtinX-HR-MM', credits: '25', unit: 'ECTS', achievementType: 'MicroCredential', field: 'human-rights', achievedOn: '2026-06-30' })]);
    const again = await present({ credential: signed, statusLists: [clearList] }).expect(409);
    expect(again.body.code).toBe('credential-already-presented');
  });

  let requestId: string;
  it('grants the quarter of the master on the presented credential, and refuses an unknown one at its pointer', async () => {
    const submitted = await as(careers.submitter).post('/transfer-requests', { learnerId, receivingInstitution: CURTIN, programId: PROGRAM, evidence: { verifiableCredentialIds: [vcId] } }).expect(201);
    requestId = submitted.body.id as string;
    const read = await as(curtin.registrar).get(`/transfer-requests/${requestId}`).expect(200);
    const proposals = read.body.evaluation?.proposals ?? read.body.proposals;
    expect(proposals).toEqual([expect.objectContaining({ itemId: `verifiable-credential:${vcId}`, decision: 'granted', creditsGranted: '75', reasons: ['ELECTIVE_CREDIT'] })]);
    const unknown = await as(careers.submitter).post('/transfer-requests', { learnerId, receivingInstitution: CURTIN, programId: PROGRAM, evidence: { verifiableCredentialIds: ['no-such-credential'] } }).expect(400);
    expect(unknown.body.errors?.[0]?.path ?? unknown.body.path).toBe('/evidence/verifiableCredentialIds/0');
  });

  it('flags the decided request when a re-check finds the credential revoked, and refuses the same list twice', async () => {
    const read = await as(curtin.registrar).get(`/transfer-requests/${requestId}`).expect(200);
    await request(t.server).post(`/transfer-requests/${requestId}/decision`).auth(curtin.registrar, { type: 'bearer' }).set('If-Match', read.headers.etag)
      .send({ items: [{ itemId: `verifiable-credential:${vcId}`, outcome: 'granted', reasonCode: 'ELECTIVE_CREDIT' }] }).expect(201);
    await as(curtin.registrar).post(`/learners/${learnerId}/verifiable-credentials/${vcId}/recheck`, { statusLists: [clearList] }).expect(409);
    const revokedList = await statusList(issuer, LIST, 'revocation', [42]);
    const recheck = await as(curtin.registrar).post(`/learners/${learnerId}/verifiable-credentials/${vcId}/recheck`, { statusLists: [revokedList] }).expect(201);
    const listed = (await as(curtin.registrar).get(`/learners/${learnerId}/verifiable-credentials`).expect(200)).body.verifiableCredentials;
    expect(listed).toEqual([expect.objectContaining({ vcId, status: 'revoked', revoked: true })]);
    const recheckId = recheck.body.eventIds[0] as string;
    await settled(t);
    const view = (await as(curtin.registrar).get(`/transfer-requests/${requestId}`).expect(200)).body;
    expect(view.openEvidenceChanges).toEqual([recheckId]);
    expect(view.evidenceChanges[0]).toMatchObject({
      cause: { eventId: recheckId, eventType: 'VerifiableCredentialRechecked', stream: `learner-${learnerId}` },
      change: { kind: 'revoked', refKind: 'verifiable-credential', refId: vcId },
      statusWhenFlagged: 'decided',
    });
    const reevaluated = view.evidenceChanges[0].reevaluation.proposals as { itemId: string; decision: string; reasons: string[] }[];
    expect(reevaluated).toEqual([expect.objectContaining({ itemId: `verifiable-credential:${vcId}`, decision: 'denied', reasons: ['EVIDENCE_REVOKED'] })]);
  });
});
