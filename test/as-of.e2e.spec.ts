import request from 'supertest';
import type { RecordedEvent } from '@app/event-store';
import { platformAuditor } from './support/provision';
import { runScmFlow, ScmFlowResult } from './support/scm-flow';
import { settled } from './support/settled';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

describe('as-of answers from history alone (eligibility, ledger, queue)', () => {
  let t: StandaloneUnderTest;
  let flow: ScmFlowResult;
  let learnerEvents: RecordedEvent[];
  let requestEvents: RecordedEvent[];
  const get = (token: string, path: string) => request(t.server).get(path).auth(token, { type: 'bearer' });
  const registrar = () => flow.tokens.mit.registrar;
  const eligibility = (asOf: string | number, extra = '') => get(registrar(), `/eligibility?learnerId=${flow.learnerId}&programId=mit-scm&asOf=${asOf}${extra}`);
  const read = async (stream: string) => {
    const out: RecordedEvent[] = [];
    for await (const e of t.store.readStream(stream)) out.push(e);
    return out;
  };

  beforeAll(async () => {
    t = await startStandalone();
    flow = await runScmFlow(t);
    // Revoke the credential afterwards: the current answer changes, the past ones must not.
    await request(t.server)
      .post(`/learners/${flow.learnerId}/credentials/${flow.credentialId}/revocation`)
      .auth(flow.tokens.mitx.issuer, { type: 'bearer' })
      .send({ reason: 'identity verification failed' })
      .expect(201);
    await settled(t);
    learnerEvents = await read(`learner-${flow.learnerId}`);
    requestEvents = await read(`transfer-${flow.requestId}`);
  }, 60000);
  afterAll(() => t?.close());

  it('does not see an event recorded one position later: the revocation flips the answer exactly at its position', async () => {
    const revocation = learnerEvents.find((e) => e.type === 'MicroCredentialRevoked') as RecordedEvent;
    const before = await eligibility(revocation.position - 1).expect(200);
    expect(before.body).toMatchObject({ source: 'as-of', upToPosition: revocation.position - 1, residency: { outcome: 'reduced', months: 5 } });
    expect(before.body.residency.reasons.join(' ')).toContain('MITx-SCM-MM');
    const at = await eligibility(revocation.position).expect(200);
    expect(at.body).toMatchObject({ source: 'as-of', upToPosition: revocation.position, residency: { outcome: 'standard', months: 10 } });
    // Before the program was published there was nothing to be eligible for.
    const award = learnerEvents.find((e) => e.type === 'MicroCredentialAwarded') as RecordedEvent;
    await eligibility(award.position).expect(404);
  });

  it('after the revocation the current answer is standard, while as of the decision it is still reduced; a time reads the recorded axis', async () => {
    const revocation = learnerEvents.find((e) => e.type === 'MicroCredentialRevoked') as RecordedEvent;
    expect((await get(registrar(), `/eligibility?learnerId=${flow.learnerId}&programId=mit-scm`).expect(200)).body.residency.outcome).toBe('standard');
    const decided = requestEvents.find((e) => e.type === 'ItemsDecided') as RecordedEvent;
    expect((await eligibility(decided.position).expect(200)).body.residency.outcome).toBe('reduced');
    // A time on the recorded axis: what the system knew then.
    expect((await eligibility(encodeURIComponent(revocation.recordedAt)).expect(200)).body.residency.outcome).toBe('standard');
  });

  it('ledger and queue as of a position before the decision: the request was evaluated, nothing was granted yet', async () => {
    const decided = requestEvents.find((e) => e.type === 'ItemsDecided') as RecordedEvent;
    const ledger = await get(registrar(), `/ledger/${flow.learnerId}?asOf=${decided.position - 1}`).expect(200);
    expect(ledger.body).toMatchObject({ upToPosition: decided.position - 1, entries: [], totals: {} });
    const after = await get(registrar(), `/ledger/${flow.learnerId}?asOf=${decided.position}`).expect(200);
    expect(after.body.entries).toHaveLength(7);
    const current = await get(registrar(), `/ledger/${flow.learnerId}`).expect(200);
    const unmarked = (entries: { evidenceChange: unknown }[]) => entries.map(({ evidenceChange: _e, ...entry }) => entry);
    expect(unmarked(after.body.entries)).toEqual(unmarked(current.body.entries));
    // The revocation came after the decision: the ledger now marks the entries it affects; as of the decision nothing was marked.
    expect(after.body.entries.every((e: { evidenceChange: unknown }) => e.evidenceChange === null)).toBe(true);
    expect(after.body.evidenceChanges).toBeNull();
    expect(current.body.entries.filter((e: { evidenceChange: unknown }) => e.evidenceChange !== null)).toHaveLength(7);

    const queue = await get(registrar(), `/queue?asOf=${decided.position - 1}`).expect(200);
    expect(queue.body).toMatchObject({ total: 1, counts: { evaluated: 1 }, items: [{ requestId: flow.requestId, status: 'evaluated' }] });
    const submitted = requestEvents[0];
    expect((await get(registrar(), `/queue?asOf=${submitted.position - 1}`).expect(200)).body).toMatchObject({ total: 0, items: [] });
  });

  it('the occurred axis needs a time, and before anything happened the learner did not exist', async () => {
    await eligibility(5, '&axis=occurred').expect(400);
    await eligibility('2020-01-01', '&axis=occurred').expect(404);
    const now = new Date(Date.now() + 60_000).toISOString();
    expect((await eligibility(encodeURIComponent(now), '&axis=occurred').expect(200)).body.residency.outcome).toBe('standard');
  });

  it('refuses a malformed asOf with 400 naming /asOf, and keeps the scope rules', async () => {
    const bad = await eligibility('yesterday').expect(400);
    expect(JSON.stringify(bad.body)).toContain('/asOf');
    expect(JSON.stringify((await eligibility('2026-02-30').expect(400)).body)).toContain('/asOf');
    // A position past the head answers as of the head, and says so.
    expect((await eligibility(999999999).expect(200)).body.upToPosition).toBe(await t.store.headPosition());
    const auditor = await platformAuditor(t);
    await get(auditor, `/eligibility?learnerId=${flow.learnerId}&programId=mit-scm&asOf=${learnerEvents.at(-1)?.position}`).expect(200);
    await get(flow.tokens.uni.submitter, `/eligibility?learnerId=${flow.learnerId}&programId=mit-scm&asOf=${learnerEvents.at(-1)?.position}`).expect(403);
  });
});
