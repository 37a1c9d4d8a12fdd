import request from 'supertest';
import { ReadModelProjector } from '@app/projections';
import { runScmFlow, ScmFlowResult } from './support/scm-flow';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

type Entry = { position: number; type: string; actor: { institutionId: string } | null };

/**
 * The audit history of a learner, for an auditor scoped to the receiving institution (issue 13,
 * item 7): every event that changed an answer inside its scope is listed, in particular the issuer's
 * revocation of the credential that MIT's request and eligibility read, which the as-of eligibility
 * of the same auditor already reflects. The page says which log position it reflects.
 */
describe('audit history: one scope rule for a learner’s record, and upToPosition', () => {
  let t: StandaloneUnderTest;
  let flow: ScmFlowResult;
  let mitAuditor: string;
  let revokedAt: number;
  const get = (token: string, path: string) => request(t.server).get(path).auth(token, { type: 'bearer' });
  const post = (token: string, path: string) => request(t.server).post(path).auth(token, { type: 'bearer' });
  const caughtUp = async () => t.app.get(ReadModelProjector).waitFor(await t.store.headPosition());

  beforeAll(async () => {
    t = await startStandalone();
    flow = await runScmFlow(t);
    mitAuditor = (await post(t.adminToken, '/institutions/platform/credentials').send({ role: 'auditor', label: 'MIT QA', auditScope: ['mit'] }).expect(201)).body.token as string;
    const revoked = await post(flow.tokens.mitx.issuer, `/learners/${flow.learnerId}/credentials/${flow.credentialId}/revocation`).send({ reason: 'issued in error' }).expect(201);
    revokedAt = await t.store.headPosition();
    expect(revoked.body.eventIds).toHaveLength(1);
    await caughtUp();
  }, 60000);
  afterAll(() => t?.close());

  it('the as-of eligibility of an auditor scoped to MIT reflects the revocation by MITx', async () => {
    const before = await get(mitAuditor, `/eligibility?learnerId=${flow.learnerId}&programId=mit-scm&asOf=${revokedAt - 1}`).expect(200);
    const after = await get(mitAuditor, `/eligibility?learnerId=${flow.learnerId}&programId=mit-scm&asOf=${revokedAt}`).expect(200);
    expect(before.body.residency.outcome).toBe('reduced');
    expect(after.body.residency.outcome).toBe('standard');
  });

  it('so the learner’s history for that auditor lists the revocation, and the completions and award it read, though MITx recorded them', async () => {
    const page = await get(mitAuditor, `/audit/history/learner/${flow.learnerId}?limit=500`).expect(200);
    const entries = page.body.entries as Entry[];
    const types = entries.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['LearnerRegistered', 'CompletionRecorded', 'MicroCredentialAwarded', 'MicroCredentialRevoked', 'LearnerAdmitted', 'RequestSubmitted', 'ItemsDecided']));
    expect(types.filter((type) => type === 'CompletionRecorded')).toHaveLength(6);
    const revocation = entries.find((e) => e.type === 'MicroCredentialRevoked') as Entry;
    expect(revocation.actor?.institutionId).toBe('mitx');
    expect(revocation.position).toBe(revokedAt);
    // Exactly what an unrestricted reader sees of this learner: their record, MIT's admission and MIT's request.
    const all = (await get(t.adminToken, `/audit/history/learner/${flow.learnerId}?limit=500`).expect(200)).body.entries as Entry[];
    expect(entries.map((e) => e.position)).toEqual(all.map((e) => e.position));
  });

  it('a learner with no request to or admission at MIT shows that auditor nothing of what MITx recorded', async () => {
    const stranger = (await post(flow.tokens.mitx.issuer, '/learners').send({}).expect(201)).body.id as string;
    await caughtUp();
    const page = await get(mitAuditor, `/audit/history/learner/${stranger}`).expect(200);
    expect(page.body.entries).toEqual([]);
    expect((await get(t.adminToken, `/audit/history/learner/${stranger}`).expect(200)).body.entries).toHaveLength(1);
  });

  it('every history page says which log position it reflects (upToPosition), and lists nothing after it', async () => {
    await caughtUp();
    const head = await t.store.headPosition();
    for (const path of [`/audit/history/learner/${flow.learnerId}?limit=3`, `/audit/history/request/${flow.requestId}`, '/audit/history/institution/mit']) {
      const page = await get(mitAuditor, path).expect(200);
      expect(page.body.upToPosition).toBe(head);
      for (const e of page.body.entries as Entry[]) expect(e.position).toBeLessThanOrEqual(page.body.upToPosition);
    }
    const eligibility = await get(mitAuditor, `/eligibility?learnerId=${flow.learnerId}&programId=mit-scm`).expect(200);
    expect(eligibility.body.upToPosition).toBe(head);
    const unscoped = (await post(t.adminToken, '/institutions/platform/credentials').send({ role: 'auditor', label: 'nobody', auditScope: [] }).expect(201)).body.token as string;
    expect((await get(unscoped, `/audit/history/learner/${flow.learnerId}`).expect(200)).body).toMatchObject({ entries: [], upToPosition: expect.any(Number) });
  });
});
