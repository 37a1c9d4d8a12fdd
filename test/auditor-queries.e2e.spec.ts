import request from 'supertest';
import { ReadModelProjector } from '@app/projections';
import { scmPolicy } from '../libs/transfer/test/scm-pathway.http-fixtures';
import { platformAuditor } from './support/provision';
import { runScmFlow, ScmFlowResult } from './support/scm-flow';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

type Entry = { position: number; type: string; actor: { institutionId: string; role: string } | null; occurredAt: string; recordedAt: string; data: Record<string, unknown> };

describe('auditor queries: history, reproduction of decisions, policy impact', () => {
  let t: StandaloneUnderTest;
  let flow: ScmFlowResult;
  let auditor: string;
  const get = (token: string, path: string) => request(t.server).get(path).auth(token, { type: 'bearer' });
  const post = (token: string, path: string) => request(t.server).post(path).auth(token, { type: 'bearer' });
  const caughtUp = async () => t.app.get(ReadModelProjector).waitFor(await t.store.headPosition());

  beforeAll(async () => {
    t = await startStandalone();
    flow = await runScmFlow(t);
    auditor = await platformAuditor(t);
    await caughtUp();
  }, 60000);
  afterAll(() => t?.close());

  it('history of a learner: every event that concerns them, who did it, when it happened and when it was recorded, paged and filterable', async () => {
    const all = await get(auditor, `/audit/history/learner/${flow.learnerId}?limit=500`).expect(200);
    const entries = all.body.entries as Entry[];
    const types = entries.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['LearnerRegistered', 'CompletionRecorded', 'MicroCredentialAwarded', 'LearnerAdmitted', 'RequestSubmitted', 'RequestEvaluated', 'ItemsDecided']));
    expect(all.body.nextAfter).toBeNull();
    const decided = entries.find((e) => e.type === 'ItemsDecided') as Entry;
    expect(decided.actor).toEqual({ institutionId: 'mit', role: 'registrar' });
    expect(decided.recordedAt >= decided.occurredAt.slice(0, 10)).toBe(true);
    expect(decided.data.requestId).toBe(flow.requestId);
    expect(entries.map((e) => e.position)).toEqual([...entries.map((e) => e.position)].sort((a, b) => a - b));

    const completions = await get(auditor, `/audit/history/learner/${flow.learnerId}?types=CompletionRecorded`).expect(200);
    expect(completions.body.entries).toHaveLength(6);
    const first = await get(auditor, `/audit/history/learner/${flow.learnerId}?limit=4`).expect(200);
    expect(first.body.entries).toHaveLength(4);
    const second = await get(auditor, `/audit/history/learner/${flow.learnerId}?limit=4&after=${first.body.nextAfter}`).expect(200);
    expect(second.body.entries[0].position).toBeGreaterThan(first.body.nextAfter);
    expect([...first.body.entries, ...second.body.entries]).toEqual(entries.slice(0, 8));
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await get(auditor, `/audit/history/learner/${flow.learnerId}?recordedFrom=${encodeURIComponent(future)}`).expect(200)).body.entries).toEqual([]);
  });

  it('history of a request and of an institution; a scoped auditor sees only its institutions', async () => {
    const req = await get(auditor, `/audit/history/request/${flow.requestId}`).expect(200);
    expect(req.body.entries.map((e: Entry) => e.type)).toEqual(['RequestSubmitted', 'RequestEvaluated', 'ItemsDecided']);
    const mitx = await get(auditor, '/audit/history/institution/mitx?types=CourseDefined').expect(200);
    expect(mitx.body.entries).toHaveLength(6);

    const scoped = (await post(t.adminToken, '/institutions/platform/credentials').send({ role: 'auditor', label: 'mitx QA', auditScope: ['mitx'] }).expect(201)).body.token as string;
    await get(scoped, '/audit/history/institution/mit').expect(404);
    const seen = (await get(scoped, `/audit/history/learner/${flow.learnerId}?limit=500`).expect(200)).body.entries as Entry[];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.map((e) => e.type)).not.toContain('ItemsDecided'); // MIT's decision does not concern MITx
    await get(flow.tokens.mit.registrar, `/audit/history/learner/${flow.learnerId}`).expect(403);
    await get(auditor, '/audit/history/course/x').expect(400);
    const unscoped = (await post(t.adminToken, '/institutions/platform/credentials').send({ role: 'auditor', label: 'no scope', auditScope: [] }).expect(201)).body.token as string;
    expect((await get(unscoped, `/audit/history/learner/${flow.learnerId}`).expect(200)).body.entries).toEqual([]);
  });

  it('history date bounds: a date means the whole day, offsets are honoured, impossible dates and huge cursors are refused; credential secrets are redacted', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const all = (await get(auditor, `/audit/history/learner/${flow.learnerId}?limit=500`).expect(200)).body.entries as Entry[];
    expect((await get(auditor, `/audit/history/learner/${flow.learnerId}?limit=500&recordedTo=${today}&recordedFrom=${today}`).expect(200)).body.entries).toEqual(all);
    const first = all[0].recordedAt;
    const plusTwo = new Date(Date.parse(first) + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
    const sameInstant = (await get(auditor, `/audit/history/learner/${flow.learnerId}?limit=500&recordedTo=${encodeURIComponent(plusTwo)}`).expect(200)).body.entries as Entry[];
    expect(sameInstant.every((e) => e.recordedAt <= first)).toBe(true);
    expect(JSON.stringify((await get(auditor, `/audit/history/learner/${flow.learnerId}?recordedTo=2026-02-30`).expect(400)).body)).toContain('/recordedTo');
    await get(auditor, `/audit/history/learner/${flow.learnerId}?after=100000000000000000000`).expect(400);
    const issued = (await get(auditor, '/audit/history/institution/mit?types=CredentialIssued').expect(200)).body.entries as Entry[];
    expect(issued.length).toBeGreaterThan(0);
    for (const e of issued) expect(e.data.secretHash).toBe('[redacted]');
  });

  it('a decision made under policy version 1 still reproduces exactly after version 2 is published', async () => {
    const before = await get(auditor, `/audit/requests/${flow.requestId}/reproduction`).expect(200);
    expect(before.body).toMatchObject({ identical: true, differences: [], pinned: { policy: { version: '2026.1' } } });
    expect(before.body.decisions).toHaveLength(7);
    const today = new Date().toISOString().slice(0, 10);
    await post(flow.tokens.mit.registrar, '/policies/mit-scm-recognition/versions').send({ definition: { ...scmPolicy(), version: '2026.2', effectiveFrom: today, minGrade: 95 } }).expect(201);
    const after = await get(flow.tokens.mit.registrar, `/audit/requests/${flow.requestId}/reproduction`).expect(200);
    expect(after.body).toMatchObject({ identical: true, differences: [], pinned: { policy: { policyId: 'mit-scm-recognition', version: '2026.1' } } });
    await get(flow.tokens.uni.submitter, `/audit/requests/${flow.requestId}/reproduction`).expect(403);
  });

  it('policy impact: a proposed stricter minimum grade changes the outcome of the request, item by item; the same policy changes nothing; nothing is written', async () => {
    await caughtUp();
    const head = await t.store.headPosition();
    const stricter = await post(flow.tokens.mit.registrar, '/audit/policy-impact').send({ definition: { ...scmPolicy(), version: '2027.1', minGrade: 83 } }).expect(200);
    expect(stricter.body).toMatchObject({ policy: { policyId: 'mit-scm-recognition', version: '2027.1', institutionId: 'mit' }, requestsConsidered: 1, changed: 1, unchanged: 0 });
    const impact = stricter.body.requests[0];
    expect(impact.requestId).toBe(flow.requestId);
    expect(impact.items).toHaveLength(3); // grades 80, 81, 82 fall below 83
    for (const item of impact.items) expect(item).toMatchObject({ before: { decision: 'granted' }, after: { decision: 'denied', creditsGranted: '0' } });
    expect(impact.totals).toEqual({ before: '45', after: '21' });

    const same = await post(auditor, '/audit/policy-impact').send({ definition: { ...scmPolicy(), version: '2027.2' } }).expect(200);
    expect(same.body).toMatchObject({ changed: 0, unchanged: 1 });
    expect(await t.store.headPosition()).toBe(head);

    const bad = await post(auditor, '/audit/policy-impact').send({ definition: { ...scmPolicy(), minGrade: 'high' } }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('/definition/minGrade');
    await post(flow.tokens.mitx.issuer, '/audit/policy-impact').send({ definition: scmPolicy() }).expect(403);
  });

  it('what-if with a future policy version applies it as if in effect (its grade rule, not "not effective")', async () => {
    await post(flow.tokens.mit.registrar, '/policies/mit-scm-recognition/versions').send({ definition: { ...scmPolicy(), version: '2027.1', effectiveFrom: '2027-09-01', minGrade: 83 } }).expect(201);
    await caughtUp();
    // decided items bind: a new policy version never reopens what the registrar decided
    const bound = await post(flow.tokens.mit.registrar, '/eligibility/what-if').send({ learnerId: flow.learnerId, programId: 'mit-scm', policy: { policyId: 'mit-scm-recognition', version: '2027.1' } }).expect(200);
    expect((bound.body.recognized as { basis: string }[]).every((r) => r.basis === 'decided')).toBe(true);
    const res = await post(flow.tokens.mit.registrar, '/eligibility/what-if').send({ learnerId: flow.learnerId, programId: 'mit-scm', policy: { policyId: 'mit-scm-recognition', version: '2027.1' }, decisions: 'ignore' }).expect(200);
    expect(res.body.policy).toEqual({ policyId: 'mit-scm-recognition', version: '2027.1' });
    const denied = (res.body.recognized as { decision: string; reasons: string[] }[]).filter((r) => r.reasons.includes('BELOW_MIN_GRADE'));
    expect(denied).toHaveLength(3);
    expect(JSON.stringify(res.body.recognized)).not.toContain('POLICY_NOT_EFFECTIVE');
    await post(flow.tokens.mit.registrar, '/eligibility/what-if').send({ learnerId: flow.learnerId, programId: 'mit-scm', programVersion: 'constructor' }).expect(404);
  });
});
