import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createReadModelDataSource, dumpReadModels, migrateReadModels, projectAll, READ_MODEL_WRITER } from '@app/projections';
import { courseId, microMastersBody, ONLINE, scmPolicy, scmProgram } from '../libs/transfer/test/scm-pathway.http-fixtures';
import { platformAuditor, provision } from './support/provision';
import { runScmFlow, ScmFlowResult } from './support/scm-flow';
import { settled } from './support/settled';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

type Entry = { requestId: string; itemId: string; outcome: string; credits: { exact: string; decimal: string }; evidenceChange: null | Record<string, unknown> & { affected: boolean; ifRedecidedAsProposed: { outcome: string; credits: { exact: string }; effect: { exact: string } } } };

/**
 * Item 5 of issue 13, over the public HTTP API of the standalone app: after a credential is
 * revoked, a completion regraded below the policy's minimum or withdrawn, the decided requests that
 * rest on it are flagged (RequestEvidenceChanged naming the causing event), the queue and the
 * submitting university's list show and filter the flag, the ledger marks the affected entries
 * with the effect on the totals, and the registrar revises from the flagged state (flag cleared).
 */
describe('evidence changes reach decided requests (standalone, HTTP)', () => {
  let t: StandaloneUnderTest;
  let flow: ScmFlowResult;
  let auditor: string;
  const get = (token: string, path: string) => request(t.server).get(path).auth(token, { type: 'bearer' });
  const post = (token: string, path: string) => request(t.server).post(path).auth(token, { type: 'bearer' });
  const mit = () => flow.tokens.mit.registrar;
  const issuer = () => flow.tokens.mitx.issuer;
  const uni = () => flow.tokens.uni.submitter;

  /** A learner with the six MicroMasters completions and the complete credential, admitted, with a request decided as proposed. */
  async function decidedLearner(): Promise<{ learnerId: string; completionIds: string[]; credentialId: string; requestId: string }> {
    const learnerId: string = (await post(issuer(), '/learners').send({}).expect(201)).body.id;
    const completionIds: string[] = [];
    for (const [i, code] of ONLINE.entries()) {
      const body = { courseId: courseId(code), grade: { scale: 'percent', value: String(80 + i) }, identityVerified: true, completedOn: `2025-0${i + 2}-15` };
      completionIds.push((await post(issuer(), `/learners/${learnerId}/completions`).send(body).expect(201)).body.id);
    }
    const credentialId: string = (await post(issuer(), `/learners/${learnerId}/credentials`).send(microMastersBody(completionIds)).expect(201)).body.id;
    await post(mit(), '/admissions').send({ learnerId, programId: 'mit-scm', decidedOn: '2026-01-15' }).expect(201);
    const requestId: string = (await post(uni(), '/transfer-requests').send({ learnerId, receivingInstitution: 'mit', programId: 'mit-scm', evidence: { completionIds, credentialIds: [credentialId] } }).expect(201)).body.id;
    await decideAsProposed(mit(), requestId);
    return { learnerId, completionIds, credentialId, requestId };
  }

  async function decideAsProposed(registrar: string, requestId: string): Promise<void> {
    const view = await get(registrar, `/transfer-requests/${requestId}`).expect(200);
    const items = view.body.evaluation.proposals.map((p: { itemId: string; decision: string; reasons: string[] }) => ({ itemId: p.itemId, outcome: p.decision, reasonCode: p.reasons[0] }));
    await post(registrar, `/transfer-requests/${requestId}/decision`).send({ items }).expect(201);
  }

  /** The revision "as now proposed": every item as the latest re-evaluation proposes it. */
  async function reviseAsNowProposed(registrar: string, requestId: string) {
    const view = await get(registrar, `/transfer-requests/${requestId}`).expect(200);
    const now = view.body.evidenceChanges.at(-1).reevaluation.proposals as { itemId: string; decision: string; reasons: string[]; creditsGranted: string }[];
    const items = now.map((p) => ({ itemId: p.itemId, outcome: p.decision, reasonCode: p.reasons[0], ...(p.decision === 'denied' ? {} : { credits: p.creditsGranted }) }));
    return post(registrar, `/transfer-requests/${requestId}/revision`).set('If-Match', view.headers.etag).send({ items, note: 'evidence changed' });
  }

  beforeAll(async () => {
    t = await startStandalone();
    flow = await runScmFlow(t);
    auditor = await platformAuditor(t);
    await settled(t);
  }, 60_000);
  afterAll(() => t?.close());

  it('a decided request is not flagged and cannot be revised without an appeal or a change of evidence', async () => {
    const queue = await get(mit(), '/queue').expect(200);
    expect(queue.body.items[0]).toMatchObject({ requestId: flow.requestId, status: 'decided', flags: [], openEvidenceChanges: 0 });
    expect(queue.body.flagCounts).toEqual({ 'evidence-changed': 0, appealed: 0 });
    const before = await t.store.headPosition();
    const refused = await reviseAsNowProposedBeforeAnyChange();
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'not-appealed' });
    expect(await t.store.headPosition()).toBe(before);
  });

  async function reviseAsNowProposedBeforeAnyChange() {
    const view = await get(mit(), `/transfer-requests/${flow.requestId}`).expect(200);
    const items = view.body.decisions.map((d: { itemId: string; outcome: string; reasonCode: string }) => ({ itemId: d.itemId, outcome: d.outcome, reasonCode: d.reasonCode }));
    return post(mit(), `/transfer-requests/${flow.requestId}/revision`).send({ items });
  }

  it('revoking the credential flags the request: RequestEvidenceChanged names the revocation and is in the request and its audit history', async () => {
    const revoked = await post(issuer(), `/learners/${flow.learnerId}/credentials/${flow.credentialId}/revocation`).send({ reason: 'identity verification failed' }).expect(201);
    await settled(t);
    const revocationId = revoked.body.eventIds[0] as string;
    const view = await get(mit(), `/transfer-requests/${flow.requestId}`).expect(200);
    expect(view.body.status).toBe('decided');
    expect(view.body.openEvidenceChanges).toEqual([revocationId]);
    expect(view.body.events.map((e: { type: string }) => e.type)).toEqual(['RequestSubmitted', 'RequestEvaluated', 'ItemsDecided', 'RequestEvidenceChanged']);
    const change = view.body.evidenceChanges[0];
    expect(change).toMatchObject({
      cause: { eventId: revocationId, eventType: 'MicroCredentialRevoked', stream: `learner-${flow.learnerId}` },
      change: { kind: 'revoked', refKind: 'credential', refId: flow.credentialId, reason: 'identity verification failed' },
      statusWhenFlagged: 'decided',
      reevaluation: { policy: { policyId: 'mit-scm-recognition', version: '2026.1' }, program: { version: '2026-2027' }, conversionTable: { id: 'mit-units-2026' }, totals: { granted: '0' } },
    });
    expect(change.cause.position).toBe(change.reevaluation.learnerStream.lastPosition);
    expect(change.affectedItems).toHaveLength(7);
    // The submitter sees it too; the history of the request shows the flag with its cause.
    expect((await get(uni(), `/transfer-requests/${flow.requestId}`).expect(200)).body.openEvidenceChanges).toEqual([revocationId]);
    const history = await get(auditor, `/audit/history/request/${flow.requestId}`).expect(200);
    const flagged = history.body.entries.find((e: { type: string }) => e.type === 'RequestEvidenceChanged');
    expect(flagged).toMatchObject({ actor: { institutionId: 'platform', role: 'system' }, data: { cause: { eventId: revocationId } } });
    const learnerHistory = await get(auditor, `/audit/history/learner/${flow.learnerId}?types=RequestEvidenceChanged`).expect(200);
    expect(learnerHistory.body.entries).toHaveLength(1);
  });

  it('the queue and the submissions show the flag, filter by it and count it', async () => {
    const queue = await get(mit(), '/queue?flag=evidence-changed').expect(200);
    expect(queue.body).toMatchObject({ total: 1, flagCounts: { 'evidence-changed': 1, appealed: 0 }, counts: { decided: 1 } });
    expect(queue.body.items[0]).toMatchObject({ requestId: flow.requestId, status: 'decided', flags: ['evidence-changed'], openEvidenceChanges: 1 });
    expect((await get(mit(), '/queue?flag=appealed').expect(200)).body).toMatchObject({ total: 0, items: [] });
    expect((await get(mit(), '/queue?flag=evidence-changed&status=evaluated').expect(200)).body.total).toBe(0);
    const submissions = await get(uni(), '/submissions?flag=evidence-changed').expect(200);
    expect(submissions.body).toMatchObject({ total: 1, flagCounts: { 'evidence-changed': 1 } });
    expect(submissions.body.items[0]).toMatchObject({ requestId: flow.requestId, receivingInstitution: 'mit', flags: ['evidence-changed'] });
    const bad = await get(mit(), '/queue?flag=urgent').expect(400);
    expect(JSON.stringify(bad.body)).toContain('flag');
    // As of a point before the revocation nothing was flagged; as of now it is.
    const view = await get(mit(), `/transfer-requests/${flow.requestId}`).expect(200);
    const flagPosition = view.body.events.at(-1).position as number;
    expect((await get(mit(), `/queue?asOf=${flagPosition - 1}&flag=evidence-changed`).expect(200)).body.total).toBe(0);
    expect((await get(mit(), `/queue?asOf=${flagPosition}&flag=evidence-changed`).expect(200)).body).toMatchObject({ total: 1, flagCounts: { 'evidence-changed': 1 } });
  });

  it('the ledger marks every affected entry with the cause, the new evidence and the proposal now, and gives the effect on the totals', async () => {
    const ledger = await get(mit(), `/ledger/${flow.learnerId}`).expect(200);
    expect(ledger.body.totals).toEqual({ MIT_UNIT: { exact: '45', decimal: '45' } });
    const entries = ledger.body.entries as Entry[];
    expect(entries).toHaveLength(7);
    const courses = entries.filter((e) => e.itemId.startsWith('completion:'));
    for (const entry of courses) {
      expect(entry.outcome).toBe('granted');
      expect(entry.evidenceChange).toMatchObject({
        affected: true,
        changes: [{ cause: { eventType: 'MicroCredentialRevoked' }, change: { kind: 'revoked', refId: flow.credentialId }, description: expect.stringContaining('revoked') }],
        proposalBefore: { decision: 'granted' },
        proposalNow: { decision: 'denied', reasons: ['CREDENTIAL_INCOMPLETE'] },
        ifRedecidedAsProposed: { outcome: 'denied', credits: { exact: '0', decimal: '0' } },
      });
      expect(entry.evidenceChange?.ifRedecidedAsProposed.effect.exact).toBe(`-${entry.credits.exact}`);
      expect((entry.evidenceChange?.evidence as { eventType: string }[]).map((r) => r.eventType)).toContain('MicroCredentialRevoked');
    }
    expect(ledger.body.evidenceChanges).toEqual({
      requests: [{ requestId: flow.requestId, openChanges: [expect.objectContaining({ change: expect.objectContaining({ kind: 'revoked' }) })] }],
      totalsIfRedecided: { MIT_UNIT: { exact: '0', decimal: '0' } },
      effect: { MIT_UNIT: { exact: '-45', decimal: '-45' } },
    });
    // The same answer from history alone (as of now).
    const asOf = await get(mit(), `/ledger/${flow.learnerId}?asOf=${await t.store.headPosition()}`).expect(200);
    expect(asOf.body.entries).toEqual(ledger.body.entries);
    expect(asOf.body.evidenceChanges).toEqual(ledger.body.evidenceChanges);
  });

  it('a rebuild of the read models from the log gives the rows of the live projection, flag included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evidence-rebuild-'));
    const options = { kind: 'sqlite' as const, file: join(dir, 'rebuilt.sqlite') };
    const rebuilt: DataSource = createReadModelDataSource(options);
    try {
      await migrateReadModels(rebuilt, options);
      await projectAll(t.store, rebuilt);
      const live = await dumpReadModels(t.app.get<DataSource>(READ_MODEL_WRITER));
      expect(live.rm_requests.some((row) => row.includes('"openEvidenceChanges":1,'))).toBe(true);
      expect(await dumpReadModels(rebuilt)).toEqual(live);
    } finally {
      await rebuilt.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the registrar revises from the flagged state, compared with the re-evaluated proposal; the flag is cleared', async () => {
    // Keeping the old grant now differs from the proposal: a reason is required.
    const view = await get(mit(), `/transfer-requests/${flow.requestId}`).expect(200);
    const keep = view.body.decisions.map((d: { itemId: string; outcome: string; reasonCode: string; credits: string }) => ({ itemId: d.itemId, outcome: d.outcome, reasonCode: d.reasonCode, ...(d.outcome === 'denied' ? {} : { credits: d.credits }) }));
    const refused = await post(mit(), `/transfer-requests/${flow.requestId}/revision`).send({ items: keep }).expect(400);
    expect(refused.body.code).toBe('override-reason-required');

    const revised = await reviseAsNowProposed(mit(), flow.requestId);
    expect(revised.status).toBe(201);
    await settled(t);
    const after = await get(mit(), `/transfer-requests/${flow.requestId}`).expect(200);
    expect(after.body).toMatchObject({ status: 'revised', openEvidenceChanges: [] });
    expect(after.body.decisions.every((d: { differsFromProposal: boolean }) => d.differsFromProposal === false)).toBe(true);
    expect((await get(mit(), '/queue?flag=evidence-changed').expect(200)).body).toMatchObject({ total: 0, flagCounts: { 'evidence-changed': 0 }, counts: { revised: 1 } });
    expect((await get(uni(), '/submissions').expect(200)).body.items[0]).toMatchObject({ status: 'revised', flags: [] });
    const ledger = await get(mit(), `/ledger/${flow.learnerId}`).expect(200);
    expect(ledger.body).toMatchObject({ totals: {}, evidenceChanges: null });
    expect(ledger.body.entries.every((e: Entry) => e.outcome === 'denied' && e.evidenceChange === null)).toBe(true);
    // Not flagged any more: a second revision needs an appeal again.
    expect((await reviseAsNowProposed(mit(), flow.requestId)).status).toBe(409);
  });

  it('a regrade below the policy minimum flags only that course; the ledger marks one entry, -8 on the totals; revised with an override it stays granted', async () => {
    const learner = await decidedLearner();
    const target = learner.completionIds[2];
    await post(issuer(), `/learners/${learner.learnerId}/completions/${target}/corrections`).send({ grade: { scale: 'percent', value: '50' }, reason: 'exam re-marked' }).expect(201);
    await settled(t);
    const view = await get(mit(), `/transfer-requests/${learner.requestId}`).expect(200);
    expect(view.body.evidenceChanges[0]).toMatchObject({
      change: { kind: 'regraded', refKind: 'completion', refId: target, from: { scale: 'percent', value: '82' }, to: { scale: 'percent', value: '50' } },
      affectedItems: [`completion:${target}`],
    });
    const ledger = await get(mit(), `/ledger/${learner.learnerId}`).expect(200);
    const marked = (ledger.body.entries as Entry[]).filter((e) => e.evidenceChange !== null);
    expect(marked.map((e) => e.itemId)).toEqual([`completion:${target}`]);
    expect(marked[0].evidenceChange).toMatchObject({ affected: true, proposalNow: { decision: 'denied', reasons: ['BELOW_MIN_GRADE'] }, ifRedecidedAsProposed: { outcome: 'denied', effect: { exact: '-8' } } });
    expect(ledger.body.evidenceChanges).toMatchObject({ totalsIfRedecided: { MIT_UNIT: { exact: '37' } }, effect: { MIT_UNIT: { exact: '-8' } } });
    expect((await get(mit(), '/queue?flag=evidence-changed').expect(200)).body.items.map((i: { requestId: string }) => i.requestId)).toEqual([learner.requestId]);

    // The registrar keeps the grant, with a reason (it differs from the re-evaluated proposal).
    const items = view.body.decisions.map((d: { itemId: string; outcome: string; reasonCode: string; credits: string }) =>
      d.itemId === `completion:${target}` ? { itemId: d.itemId, outcome: 'granted', reasonCode: 'REGISTRAR_OVERRIDE', credits: '8', overrideReason: 'the regrade concerns a resit, the first attempt stands' } : { itemId: d.itemId, outcome: d.outcome, reasonCode: d.reasonCode },
    );
    await post(mit(), `/transfer-requests/${learner.requestId}/revision`).send({ items }).expect(201);
    await settled(t);
    const revised = await get(mit(), `/transfer-requests/${learner.requestId}`).expect(200);
    expect(revised.body.decisions.find((d: { itemId: string }) => d.itemId === `completion:${target}`)).toMatchObject({ outcome: 'granted', differsFromProposal: true });
    expect((await get(mit(), `/ledger/${learner.learnerId}`).expect(200)).body).toMatchObject({ totals: { MIT_UNIT: { exact: '45', decimal: '45' } }, evidenceChanges: null });
  });

  it('withdrawing a completion flags the request that names it (a policy that counts loose courses): denied EVIDENCE_WITHDRAWN, -8 on the ledger', async () => {
    // Harvard recognizes loose MITx courses (no complete credential required).
    const harvard = await provision(t, { institutionId: 'harvard', name: 'Harvard', country: 'US', creditUnit: 'US_SEMESTER' }, ['registrar']);
    await post(harvard.registrar, '/programs/hes-scm/versions').send({ definition: { ...scmProgram(), id: 'hes-scm' } }).expect(201);
    const policy = { ...scmPolicy(), id: 'hes-scm-recognition', receivingInstitution: 'harvard', programId: 'hes-scm', completeCredentialRequired: false, admissionRequired: false };
    await post(harvard.registrar, '/policies/hes-scm-recognition/versions').send({ definition: policy }).expect(201);
    const learnerId: string = (await post(issuer(), '/learners').send({}).expect(201)).body.id;
    const body = (code: string) => ({ courseId: courseId(code), grade: { scale: 'percent', value: '90' }, identityVerified: true, completedOn: '2025-04-01' });
    const kept: string = (await post(issuer(), `/learners/${learnerId}/completions`).send(body('sc0x')).expect(201)).body.id;
    const wrong: string = (await post(issuer(), `/learners/${learnerId}/completions`).send(body('sc1x')).expect(201)).body.id;
    const requestId: string = (await post(uni(), '/transfer-requests').send({ learnerId, receivingInstitution: 'harvard', programId: 'hes-scm', evidence: { completionIds: [kept, wrong] } }).expect(201)).body.id;
    await decideAsProposed(harvard.registrar, requestId);
    await settled(t);
    expect((await get(harvard.registrar, `/ledger/${learnerId}`).expect(200)).body.totals).toEqual({ MIT_UNIT: { exact: '16', decimal: '16' } });

    await post(issuer(), `/learners/${learnerId}/completions/${wrong}/withdrawal`).send({ reason: 'recorded on the wrong learner' }).expect(201);
    await settled(t);
    const view = await get(harvard.registrar, `/transfer-requests/${requestId}`).expect(200);
    expect(view.body.evidenceChanges[0]).toMatchObject({ change: { kind: 'withdrawn', refId: wrong, reason: 'recorded on the wrong learner' }, affectedItems: [`completion:${wrong}`] });
    const ledger = await get(harvard.registrar, `/ledger/${learnerId}`).expect(200);
    const marked = (ledger.body.entries as Entry[]).find((e) => e.itemId === `completion:${wrong}`);
    expect(marked?.evidenceChange).toMatchObject({ affected: true, proposalNow: { decision: 'denied', reasons: ['EVIDENCE_WITHDRAWN'] }, ifRedecidedAsProposed: { effect: { exact: '-8' } } });
    expect((ledger.body.entries as Entry[]).find((e) => e.itemId === `completion:${kept}`)?.evidenceChange).toBeNull();
    expect(ledger.body.evidenceChanges).toMatchObject({ effect: { MIT_UNIT: { exact: '-8' } }, totalsIfRedecided: { MIT_UNIT: { exact: '8' } } });
    // A new request can no longer name the withdrawn completion.
    const refused = await post(uni(), '/transfer-requests').send({ learnerId, receivingInstitution: 'harvard', programId: 'hes-scm', evidence: { completionIds: [kept, wrong] } }).expect(400);
    expect(refused.body).toMatchObject({ code: 'withdrawn-completion' });
    expect(JSON.stringify(refused.body)).toContain('/evidence/completionIds/1');

    expect((await reviseAsNowProposed(harvard.registrar, requestId)).status).toBe(201);
    await settled(t);
    expect((await get(harvard.registrar, `/ledger/${learnerId}`).expect(200)).body).toMatchObject({ totals: { MIT_UNIT: { exact: '8', decimal: '8' } }, evidenceChanges: null });
  });

  it('every flag reproduces: the audit re-runs each recorded re-evaluation from what it names', async () => {
    const view = await get(mit(), '/queue?status=revised').expect(200);
    expect(view.body.total).toBeGreaterThanOrEqual(2);
    for (const { requestId } of view.body.items as { requestId: string }[]) {
      const report = await get(auditor, `/audit/requests/${requestId}/reproduction`).expect(200);
      expect(report.body).toMatchObject({ identical: true, evidenceChangesIdentical: true });
      expect(report.body.evidenceChanges).toEqual([expect.objectContaining({ identical: true, differences: [] })]);
    }
  });

  it('/health reports the reactor with its checkpoint at the head', async () => {
    const head = await settled(t);
    const health = await request(t.server).get('/health').expect(200);
    expect(health.body.info.evidenceReactor).toMatchObject({ status: 'up', checkpoint: head, head, behind: 0, failures: 0, state: 'sqlite' });
    expect(health.body.info.evidenceReactor.flagged).toBeGreaterThanOrEqual(3);
  });
});
