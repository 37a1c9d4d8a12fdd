import { ENGINE_VERSION } from '@app/requirements';
import { learnerStream } from '@app/records';
import { EvaluationReproducer } from '../src';
import { courseBody, courseId, microMastersBody, ONLINE, scmPolicy, scmProgram } from './scm-pathway.http-fixtures';
import { provision, TransferTestApp, transferTestApp } from './transfer-test-app';

describe('transfer over HTTP: MIT SCM blended pathway', () => {
  let t: TransferTestApp;
  let mit: Record<string, string>;
  let mitx: Record<string, string>;
  let uni: Record<string, string>;
  let harvard: Record<string, string>;
  let auditor: Record<string, string>;
  let learnerId: string;
  let credentialId: string;
  let requestId: string;
  let requestEtag: string;
  const completionIds: string[] = [];

  const as = (token: string) => ({
    post: (path: string) => t.http().post(path).auth(token, { type: 'bearer' }),
    get: (path: string) => t.http().get(path).auth(token, { type: 'bearer' }),
  });
  /** A refused request: the status (and code), and the store did not move. */
  const refused = async (send: () => Promise<{ status: number; body: { code?: string } }>, status: number, code?: string) => {
    const before = await t.store.headPosition();
    const response = await send();
    expect({ status: response.status, code: code ? response.body.code : undefined }).toEqual({ status, code });
    expect(await t.store.headPosition()).toBe(before);
    return response as { status: number; body: { code?: string; errors?: { path: string }[] } };
  };
  const submission = () => ({ learnerId, receivingInstitution: 'mit', programId: 'mit-scm', evidence: { completionIds, credentialIds: [credentialId] } });

  beforeAll(async () => {
    t = await transferTestApp();
    mit = await provision(t, 'mit', 'Massachusetts Institute of Technology', ['registrar']);
    mitx = await provision(t, 'mitx', 'MITx', ['issuer']);
    uni = await provision(t, 'uni-porto', 'Universidade do Porto', ['submitter']);
    harvard = await provision(t, 'harvard', 'Harvard University', ['registrar', 'submitter']);
    auditor = await provision(t, 'audit-office', 'Accreditation audit office', ['auditor']);
  });
  afterAll(async () => t?.close());

  it("records the learner's six MITx completions and the complete MicroMasters (records API)", async () => {
    for (const code of ONLINE) {
      await as(mitx.issuer).post('/courses').send(courseBody(code)).expect(201);
    }
    learnerId = (await as(mitx.issuer).post('/learners').send({}).expect(201)).body.id;
    for (const [i, code] of ONLINE.entries()) {
      const body = { courseId: courseId(code), grade: { scale: 'percent', value: String(80 + i) }, identityVerified: true, completedOn: `2025-0${i + 2}-15` };
      completionIds.push((await as(mitx.issuer).post(`/learners/${learnerId}/completions`).send(body).expect(201)).body.id);
    }
    credentialId = (await as(mitx.issuer).post(`/learners/${learnerId}/credentials`).send(microMastersBody(completionIds)).expect(201)).body.id;
  });

  it('the MIT registrar publishes the SCM program and its policy; versions are immutable', async () => {
    const published = await as(mit.registrar).post('/programs/mit-scm/versions').send({ definition: scmProgram() }).expect(201);
    expect(published.body).toMatchObject({ id: 'mit-scm', revision: 0, replayed: false });
    expect(published.headers.etag).toBe('"0"');
    await refused(() => as(mit.registrar).post('/programs/mit-scm/versions').send({ definition: scmProgram() }), 409, 'program-version-exists');
    await refused(() => as(harvard.registrar).post('/programs/mit-scm/versions').send({ definition: { ...scmProgram(), version: '2027-2028' } }), 403, 'not-registrar-of-institution');
    await refused(() => as(uni.submitter).post('/programs/mit-scm/versions').send({ definition: scmProgram() }), 403);
    const program = await as(uni.submitter).get('/programs/mit-scm').expect(200);
    expect(program.body).toMatchObject({ institutionId: 'mit', versions: [{ version: '2026-2027', creditUnit: 'MIT_UNIT', totalCredits: '90' }] });
    await as(auditor.auditor).get('/programs/mit-scm/versions/2026-2027').expect(200);
    await as(auditor.auditor).get('/programs/mit-scm/versions/1999-2000').expect(404);
    await as(auditor.auditor).get('/programs/nope').expect(404);

    await as(mit.registrar).post('/policies/mit-scm-recognition/versions').send({ definition: scmPolicy() }).expect(201);
    const policy = await as(uni.submitter).get('/policies/mit-scm-recognition').expect(200);
    expect(policy.body.versions[0]).toMatchObject({ version: '2026.1', effectiveFrom: '2026-01-01', effectiveTo: null, conversionTableId: 'mit-units-2026' });
  });

  it('a bad program definition is a 400 with the path of each fault under /definition; nothing appended', async () => {
    const bad = { ...scmProgram(), id: 'mit-other', totalCredits: 'ninety', requirements: { id: 'x', allOf: 'no' } };
    const res = await refused(() => as(mit.registrar).post('/programs/mit-other/versions').send({ definition: bad }), 400, 'program-definition-invalid');
    const paths = (res.body.errors ?? []).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/definition/requirements/allOf']));
    const shape = await refused(() => as(mit.registrar).post('/programs/mit-other/versions').send({ program: {} }), 400);
    expect((shape.body.errors ?? []).map((e) => e.path).sort()).toEqual(['/definition', '/program']);
    const policy = await refused(() => as(mit.registrar).post('/policies/p2/versions').send({ definition: { ...scmPolicy(), id: 'p2', effectiveFrom: 'soon' } }), 400, 'policy-definition-invalid');
    expect((policy.body.errors ?? []).map((e) => e.path)).toContain('/definition/effectiveFrom');
  });

  it('the registrar admits the learner (the admission gate)', async () => {
    await as(mit.registrar).post('/admissions').send({ learnerId, programId: 'mit-scm', decidedOn: '2026-01-15' }).expect(201);
    await refused(() => as(mit.registrar).post('/admissions').send({ learnerId, programId: 'mit-scm', decidedOn: '2026-01-15' }), 409, 'already-admitted');
    await refused(() => as(harvard.registrar).post('/admissions').send({ learnerId, programId: 'mit-scm' }), 404, 'program-not-found');
    await refused(() => as(mit.registrar).post('/admissions').send({ learnerId: 'not-a-learner', programId: 'mit-scm' }), 404, 'learner-not-found');
  });

  it('the university submits; the automatic evaluation is recorded with the pinned versions and the evidence positions', async () => {
    const res = await as(uni.submitter).post('/transfer-requests').set('Idempotency-Key', 'porto-2026-0001').send(submission()).expect(201);
    requestId = res.body.id;
    requestEtag = res.headers.etag;
    expect(res.body).toMatchObject({ revision: 1, replayed: false });
    expect(res.body.eventIds).toHaveLength(2);
    const events = await t.events(`transfer-${requestId}`);
    expect(events.map((e) => e.type)).toEqual(['RequestSubmitted', 'RequestEvaluated']);
    const evaluation = events[1].data as Record<string, never>;
    expect(evaluation).toMatchObject({
      requestId,
      engineVersion: ENGINE_VERSION,
      program: { programId: 'mit-scm', version: '2026-2027', creditUnit: 'MIT_UNIT', totalCredits: '90' },
      policy: { policyId: 'mit-scm-recognition', version: '2026.1', effectiveFrom: '2026-01-01', effectiveTo: null },
      conversionTable: { id: 'mit-units-2026', ectsPerUnit: { MIT_UNIT: '1/2', US_SEMESTER: '2' } },
      admitted: true,
      totals: { granted: '45', grantedCount: 6, partialCount: 0, deniedCount: 0, recognizedCount: 1 },
      programEvaluation: { admission: { required: true, admitted: true, satisfied: true }, residency: { outcome: 'reduced', pathway: 'blended', months: 5, terms: 1 } },
    });
    const learner = await t.events(learnerStream(learnerId));
    const byId = new Map(learner.map((e) => [e.id, e]));
    const read = evaluation.evidenceRead as unknown as { itemId: string | null; eventId: string; position: number; eventType: string; stream: string }[];
    for (const r of read) {
      if (r.stream === learnerStream(learnerId)) expect(byId.get(r.eventId)?.position).toBe(r.position);
    }
    const completionRead = read.find((r) => r.itemId === `completion:${completionIds[0]}` && r.eventType === 'CompletionRecorded');
    expect(completionRead).toBeDefined();
    expect(read.some((r) => r.eventType === 'LearnerAdmitted')).toBe(true);
    expect(read.some((r) => r.itemId === `credential:${credentialId}` && r.eventType === 'MicroCredentialAwarded')).toBe(true);
    expect(evaluation.learnerStream).toEqual({ stream: learnerStream(learnerId), revision: learner.at(-1)?.revision, lastPosition: learner.at(-1)?.position });
    const proposals = evaluation.proposals as unknown as { itemId: string; decision: string; creditsGranted: string; grantedAs: unknown; reasons: string[] }[];
    expect(proposals.find((p) => p.itemId === `completion:${completionIds[0]}`)).toMatchObject({ decision: 'granted', creditsGranted: '8', grantedAs: { as: 'course', courseId: 'SCM.SC0x' }, reasons: ['EQUIVALENT_COURSE'] });
    // engine 2.x: the MicroMasters counts through its six components and is shown as the pathway credential, not denied
    expect(proposals.find((p) => p.itemId === `credential:${credentialId}`)).toMatchObject({ decision: 'recognized', creditsGranted: '0', reasons: ['RECOGNIZED_THROUGH_COMPONENTS', 'PATHWAY_CREDENTIAL'] });
  });

  it('an Idempotency-Key replay returns the same response and appends nothing', async () => {
    const before = await t.store.headPosition();
    const stored = await t.events(`transfer-${requestId}`);
    const again = await as(uni.submitter).post('/transfer-requests').set('Idempotency-Key', 'porto-2026-0001').send(submission()).expect(201);
    expect(again.body).toEqual({ id: requestId, revision: 1, replayed: true, eventIds: stored.map((e) => e.id), position: stored[stored.length - 1].position });
    expect(await t.store.headPosition()).toBe(before);
    await refused(() => as(uni.submitter).post('/transfer-requests').set('Idempotency-Key', 'porto-2026-0001').send({ ...submission(), note: 'changed' }), 409, 'idempotency-key-reused');
  });

  it('refuses unknown program versions (404), unknown evidence (400 with path) and non-submitters (403)', async () => {
    await refused(() => as(uni.submitter).post('/transfer-requests').send({ ...submission(), programVersion: '2030-2031' }), 404, 'program-version-not-found');
    await refused(() => as(uni.submitter).post('/transfer-requests').send({ ...submission(), programId: 'nope' }), 404, 'program-not-found');
    const bad = await refused(() => as(uni.submitter).post('/transfer-requests').send({ ...submission(), evidence: { completionIds: [completionIds[0], 'not-on-record'] } }), 400, 'unknown-completion');
    expect(bad.body.errors?.[0].path).toBe('/evidence/completionIds/1');
    await refused(() => as(mit.registrar).post('/transfer-requests').send(submission()), 403);
    const shape = await refused(() => as(uni.submitter).post('/transfer-requests').send({ learnerId, programId: 7, evidence: {} }), 400);
    expect((shape.body.errors ?? []).map((e) => e.path).sort()).toEqual(['/evidence', '/programId', '/receivingInstitution']);
  });

  it('the parties and auditors read the request; others do not', async () => {
    const got = await as(mit.registrar).get(`/transfer-requests/${requestId}`).expect(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.body).toMatchObject({ status: 'evaluated', request: { submitterInstitution: 'uni-porto', receivingInstitution: 'mit' } });
    await as(uni.submitter).get(`/transfer-requests/${requestId}`).expect(200);
    await as(auditor.auditor).get(`/transfer-requests/${requestId}`).expect(200);
    await as(harvard.registrar).get(`/transfer-requests/${requestId}`).expect(404);
    await as(mitx.issuer).get(`/transfer-requests/${requestId}`).expect(403);
    await as(mit.registrar).get('/transfer-requests/unknown-id').expect(404);
  });

  it('a registrar of another institution does not see the request to decide it (404, as an unknown one); a stale If-Match is a 409; nothing appended', async () => {
    const items = [...completionIds.map((id) => ({ itemId: `completion:${id}`, outcome: 'granted', reasonCode: 'EQUIVALENT_COURSE' })), { itemId: `credential:${credentialId}`, outcome: 'recognized', reasonCode: 'PATHWAY_CREDENTIAL' }];
    await refused(() => as(harvard.registrar).post(`/transfer-requests/${requestId}/decision`).send({ items }), 404, 'request-not-found');
    await refused(() => as(auditor.auditor).post(`/transfer-requests/${requestId}/decision`).send({ items }), 403);
    await refused(() => as(mit.registrar).post(`/transfer-requests/${requestId}/decision`).set('If-Match', '"0"').send({ items }), 409);
    await refused(() => as(mit.registrar).post(`/transfer-requests/${requestId}/decision`).send({ items: [...items, { itemId: 'completion:zz', outcome: 'denied', reasonCode: 'X_Y' }] }), 400, 'item-not-in-request');
    await refused(() => as(mit.registrar).post('/transfer-requests/unknown-id/decision').send({ items }), 404, 'request-not-found');
  });

  it('the registrar decides (one item differs from the proposal, with a reason); appeal, revision; no withdrawal after it', async () => {
    const items = [
      ...completionIds.map((id, i) => (i === 5 ? { itemId: `completion:${id}`, outcome: 'partially-granted', reasonCode: 'PARTIAL_EXAM', credits: '2.5', overrideReason: 'exam covers half of SCM.CFx' } : { itemId: `completion:${id}`, outcome: 'granted', reasonCode: 'EQUIVALENT_COURSE' })),
      { itemId: `credential:${credentialId}`, outcome: 'recognized', reasonCode: 'PATHWAY_CREDENTIAL', note: 'the credential unlocks the blended residency, it is not a course' },
    ];
    const decided = await as(mit.registrar).post(`/transfer-requests/${requestId}/decision`).set('If-Match', requestEtag).send({ items }).expect(201);
    expect(decided.body).toMatchObject({ id: requestId, revision: 2 });
    const [event] = (await t.events(`transfer-${requestId}`)).slice(2);
    expect(event).toMatchObject({ type: 'ItemsDecided', metadata: { actor: { institutionId: 'mit', role: 'registrar' } } });
    expect((event.data.items as { differsFromProposal: boolean }[]).filter((i) => i.differsFromProposal)).toHaveLength(1);

    const waiver = await as(mit.registrar).post(`/transfer-requests/${requestId}/exceptions`).send({ kind: 'waive', rulePath: 'mit-scm/capstone', reason: 'industry capstone' }).expect(201);
    const granted = (await t.events(`transfer-${requestId}`)).at(-1);
    expect(granted).toMatchObject({ type: 'ExceptionGranted', data: { exceptionId: waiver.body.id, programVersion: '2026-2027', programEvaluation: { exceptions: { applied: [{ id: waiver.body.id, kind: 'waive', path: 'mit-scm/capstone' }], ignored: [] } } } });
    const before = (await t.events(`transfer-${requestId}`))[1].data as { programEvaluation: { missing: { rulePath: string }[] } };
    const after = (granted?.data as { programEvaluation: { missing: { rulePath: string }[] } }).programEvaluation;
    expect(before.programEvaluation.missing.some((m) => m.rulePath === 'mit-scm/capstone')).toBe(true);
    expect(after.missing.some((m) => m.rulePath === 'mit-scm/capstone')).toBe(false);
    await refused(() => as(mit.registrar).post(`/transfer-requests/${requestId}/exceptions`).send({ kind: 'waive', rulePath: 'mit-scm/nope', reason: 'x' }), 400, 'unknown-rule-path');
    await refused(() => as(uni.submitter).post(`/transfer-requests/${requestId}/withdrawal`).send({}), 409, 'request-already-decided');
    await refused(() => as(harvard.submitter).post(`/transfer-requests/${requestId}/appeal`).send({ grounds: 'x' }), 404, 'request-not-found');
    await as(uni.submitter).post(`/transfer-requests/${requestId}/appeal`).send({ grounds: 'the exam is the full CFx', itemIds: [`completion:${completionIds[5]}`] }).expect(201);
    await refused(() => as(uni.submitter).post(`/transfer-requests/${requestId}/appeal`).send({ grounds: 'again' }), 409, 'already-appealed');
    const revised = items.map((i, k) => (k === 5 ? { itemId: i.itemId, outcome: 'granted', reasonCode: 'EQUIVALENT_COURSE' } : i));
    await as(mit.registrar).post(`/transfer-requests/${requestId}/revision`).send({ items: revised, note: 'appeal upheld' }).expect(201);
    const view = await as(uni.submitter).get(`/transfer-requests/${requestId}`).expect(200);
    expect(view.body).toMatchObject({ status: 'revised', exceptions: [{ kind: 'waive', rulePath: 'mit-scm/capstone', programVersion: '2026-2027' }] });
  });

  it('the evaluation is reproducible from what it records, after the record and the policy moved on', async () => {
    await as(mitx.issuer).post(`/learners/${learnerId}/completions/${completionIds[0]}/corrections`).send({ grade: { scale: 'percent', value: '40' }, reason: 're-marked' }).expect(201);
    await as(mit.registrar).post('/policies/mit-scm-recognition/versions').send({ definition: { ...scmPolicy(), version: '2027.1', effectiveFrom: '2027-01-01' } }).expect(201);
    const { identical, recorded, reproduced } = await t.get(EvaluationReproducer).reproduce(requestId);
    expect(reproduced).toEqual(recorded);
    expect(identical).toBe(true);
  });

  it('documents every transfer endpoint in OpenAPI', async () => {
    const doc = await t.http().get('/docs-json').expect(200);
    const paths = Object.keys(doc.body.paths as Record<string, unknown>);
    for (const p of ['/programs/{programId}/versions', '/programs/{programId}', '/programs/{programId}/versions/{version}', '/policies/{policyId}/versions', '/policies/{policyId}', '/admissions', '/transfer-requests', '/transfer-requests/{requestId}', '/transfer-requests/{requestId}/decision', '/transfer-requests/{requestId}/exceptions', '/transfer-requests/{requestId}/appeal', '/transfer-requests/{requestId}/revision', '/transfer-requests/{requestId}/withdrawal']) {
      expect(paths).toContain(p);
    }
  });

  it('a second request is withdrawn by its submitter only; a withdrawn request cannot be decided', async () => {
    const res = await as(uni.submitter).post('/transfer-requests').send({ ...submission(), evidence: { completionIds: [completionIds[0]] } }).expect(201);
    const id = res.body.id as string;
    await refused(() => as(harvard.submitter).post(`/transfer-requests/${id}/withdrawal`).send({}), 404, 'request-not-found');
    await as(uni.submitter).post(`/transfer-requests/${id}/withdrawal`).send({ reason: 'learner chose another program' }).expect(201);
    const items = [{ itemId: `completion:${completionIds[0]}`, outcome: 'granted', reasonCode: 'EQUIVALENT_COURSE' }];
    await refused(() => as(mit.registrar).post(`/transfer-requests/${id}/decision`).send({ items }), 409, 'request-withdrawn');
  });
});
