import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonObject, JsonValue } from '@app/event-store';
import { createReadModelDataSource, dumpReadModels, migrateReadModels, projectAll, READ_MODEL_WRITER } from '@app/projections';
import { OpenApiDocument, OpenApiValidator } from './support/openapi-validator';
import { platformAuditor } from './support/provision';
import { runScmFlow, ScmFlowResult } from './support/scm-flow';
import { settled } from './support/settled';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

type Decision = { itemId: string; outcome: string; credits: string; decidedIn: Step };
type Step = { type: string; eventId: string | null; position: number | null; on: string; note: string | null; appeal: null | { eventId: string | null; grounds: string; itemIds: string[] }; evidenceChanges: string[] };
type Entry = { itemId: string; outcome: string; credits: { exact: string }; decisionPosition: number; provenance: { note: string | null; decidedIn: Step } };

/**
 * Issue 21, items 3 and 6, over the public HTTP API of the standalone app, on the MIT Supply Chain
 * Management blended master's pathway: the MITx MicroMasters in SCM (five online courses SC0x-SC4x
 * and the proctored comprehensive final exam CFx; https://micromasters.mit.edu/scm/frequently-asked-questions/)
 * credited toward MIT's SCM master's, the program and policy of the engine's fixtures
 * (libs/requirements/fixtures/mit-scm-blended.*). A university's appeal contests one course (SC1x);
 * MIT's registrar re-decides that course alone, the others keep their decision, and the ledger
 * names the revision, the appeal it answers and the revision's note. A revision recorded before
 * partial revisions (every item, no keptItems) still loads, projects and reproduces.
 */
describe('partial revisions: a revision re-decides the appealed items, the others keep their decision (standalone, HTTP)', () => {
  let t: StandaloneUnderTest;
  let flow: ScmFlowResult;
  let auditor: string;
  const get = (token: string, path: string) => request(t.server).get(path).auth(token, { type: 'bearer' });
  const post = (token: string, path: string) => request(t.server).post(path).auth(token, { type: 'bearer' });
  const mit = () => flow.tokens.mit.registrar;
  const uni = () => flow.tokens.uni.submitter;
  const path = () => `/transfer-requests/${flow.requestId}`;
  const sc1x = () => `completion:${flow.completionIds[1]}`;
  let decisionEventId: string;
  let appeal: { id: string; position: number };
  let revision: { id: string; position: number };
  let validator: OpenApiValidator;
  /** The answer validates against the closed schema the OpenAPI document declares for it. */
  const conforms = (template: string, body: unknown) => {
    const schema = validator.declared('GET', template, 200, 'application/json');
    expect(schema).not.toBeNull();
    if (schema) expect(validator.errors(schema, body)).toEqual([]);
  };

  beforeAll(async () => {
    t = await startStandalone();
    flow = await runScmFlow(t);
    auditor = await platformAuditor(t);
    validator = new OpenApiValidator((await request(t.server).get('/docs-json').expect(200)).body as OpenApiDocument);
    await settled(t);
    const view = await get(mit(), path()).expect(200);
    decisionEventId = view.body.events.find((e: { type: string }) => e.type === 'ItemsDecided').id;
  }, 60_000);
  afterAll(() => t?.close());

  it('the submitter appeals one course; a revision that leaves it out is refused (400 items-undecided at /items, naming it), nothing appended', async () => {
    const appealed = await post(uni(), `${path()}/appeal`).send({ grounds: 'SC1x was passed at 81%, above the minimum; the decision misread the grade', itemIds: [sc1x()] }).expect(201);
    appeal = { id: appealed.body.eventIds[0], position: appealed.body.position };
    const before = await t.store.headPosition();
    const credential = { itemId: `credential:${flow.credentialId}`, outcome: 'recognized', reasonCode: 'PATHWAY_CREDENTIAL' };
    const refused = await post(mit(), `${path()}/revision`).send({ items: [credential], note: 'credential re-checked' }).expect(400);
    expect(refused.body).toMatchObject({ code: 'items-undecided', message: `every item the appeal contests must be decided; missing: ${sc1x()}` });
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['/items']);
    const unknown = await post(mit(), `${path()}/revision`).send({ items: [{ itemId: sc1x(), outcome: 'granted', reasonCode: 'EQUIVALENT_COURSE' }, { itemId: 'completion:not-in-request', outcome: 'denied', reasonCode: 'NOT_EQUIVALENT' }] }).expect(400);
    expect(unknown.body.code).toBe('item-not-in-request');
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toEqual(['/items/1/itemId']);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('the registrar re-decides SC1x alone: RequestRevised names it and lists the six kept items with the decision they keep', async () => {
    const items = [{ itemId: sc1x(), outcome: 'partially-granted', reasonCode: 'APPEAL_PARTLY_UPHELD', credits: '4', overrideReason: 'half of SC1x overlaps a course already credited' }];
    const revised = await post(mit(), `${path()}/revision`).send({ items, note: 'appeal reviewed: SC1x credited in part' }).expect(201);
    revision = { id: revised.body.eventIds[0], position: revised.body.position };
    await settled(t);
    const events = [];
    for await (const e of t.store.readStream(`transfer-${flow.requestId}`)) events.push(e);
    const event = events.find((e) => e.id === revision.id);
    expect(event?.type).toBe('RequestRevised');
    expect(event?.data).toMatchObject({ items: [{ itemId: sc1x(), outcome: 'partially-granted', credits: '4', differsFromProposal: true }], note: 'appeal reviewed: SC1x credited in part' });
    const kept = (event?.data as { keptItems: { itemId: string; decidedIn: { type: string; eventId: string } }[] }).keptItems;
    expect(kept.map((k) => k.itemId).sort()).toEqual([...flow.completionIds.filter((_, i) => i !== 1).map((id) => `completion:${id}`), `credential:${flow.credentialId}`].sort());
    for (const k of kept) expect(k.decidedIn).toEqual({ type: 'ItemsDecided', eventId: decisionEventId, on: expect.any(String) });
  });

  it('the request shows every decision in force with the step that took it: SC1x the revision answering the appeal, the others the decision', async () => {
    const view = await get(uni(), path()).expect(200);
    expect(view.body.status).toBe('revised');
    const decisions = view.body.decisions as Decision[];
    expect(decisions).toHaveLength(7);
    const revised = decisions.find((d) => d.itemId === sc1x());
    expect(revised).toMatchObject({ outcome: 'partially-granted', credits: '4' });
    expect(revised?.decidedIn).toEqual({
      type: 'RequestRevised', eventId: revision.id, position: revision.position, on: expect.any(String), note: 'appeal reviewed: SC1x credited in part',
      appeal: { eventId: appeal.id, position: appeal.position, grounds: expect.stringContaining('SC1x'), itemIds: [sc1x()], appealedOn: expect.any(String) }, evidenceChanges: [],
    });
    for (const d of decisions.filter((x) => x.itemId !== sc1x())) expect(d.decidedIn).toMatchObject({ type: 'ItemsDecided', eventId: decisionEventId, note: null, appeal: null });
    expect(view.body.appeals).toEqual([expect.objectContaining({ eventId: appeal.id, position: appeal.position, itemIds: [sc1x()] })]);
    conforms('/transfer-requests/{requestId}', view.body);
  });

  it('the ledger names the revision, the appeal it answers and its note on SC1x; the kept entries keep their decision; eligibility agrees', async () => {
    const ledger = await get(mit(), `/ledger/${flow.learnerId}`).expect(200);
    conforms('/ledger/{learnerId}', ledger.body);
    const entries = ledger.body.entries as Entry[];
    const entry = entries.find((e) => e.itemId === sc1x());
    expect(entry).toMatchObject({ outcome: 'partially-granted', credits: { exact: '4' } });
    expect(entry?.provenance.note).toBe('appeal reviewed: SC1x credited in part');
    expect(entry?.provenance.decidedIn).toMatchObject({ type: 'RequestRevised', eventId: revision.id, position: revision.position, note: 'appeal reviewed: SC1x credited in part', appeal: { eventId: appeal.id, itemIds: [sc1x()] } });
    const kept = entries.filter((e) => e.itemId !== sc1x());
    expect(kept).toHaveLength(6);
    for (const e of kept) expect(e.provenance.decidedIn).toMatchObject({ type: 'ItemsDecided', eventId: decisionEventId, appeal: null });
    expect(kept.filter((e) => e.itemId.startsWith('completion:')).every((e) => e.outcome === 'granted')).toBe(true);
    // Eligibility binds the same decisions: SC1x as revised, the kept courses as first decided.
    const eligibility = await get(mit(), `/eligibility?learnerId=${flow.learnerId}&programId=mit-scm`).expect(200);
    const decided = (eligibility.body.recognized as { itemId: string; basis: string; decision: string; creditsGranted: { exact: string } }[]).filter((r) => r.basis === 'decided');
    expect(decided.find((r) => r.itemId === `completion:${flow.completionIds[1]}`)).toMatchObject({ decision: 'partially-granted', creditsGranted: { exact: '4' } });
    for (const e of kept.filter((x) => x.itemId.startsWith('completion:'))) {
      expect(decided.find((r) => r.itemId === e.itemId)).toMatchObject({ decision: e.outcome, creditsGranted: { exact: e.credits.exact } });
    }
    // The same ledger from history alone (as of now).
    const asOf = await get(mit(), `/ledger/${flow.learnerId}?asOf=${await t.store.headPosition()}`).expect(200);
    expect(asOf.body.entries).toEqual(ledger.body.entries);
  });

  it('the evaluation still reproduces identically; the reproduction lists the merged decisions', async () => {
    const report = await get(auditor, `/audit/requests/${flow.requestId}/reproduction`).expect(200);
    expect(report.body.identical).toBe(true);
    expect(report.body.decisions).toHaveLength(7);
    expect(report.body.decisions.find((d: { itemId: string }) => d.itemId === sc1x())).toMatchObject({ decided: { outcome: 'partially-granted', credits: '4' }, differsFromProposal: true });
  });

  it('a second revision without a new appeal is refused (409 not-appealed)', async () => {
    const res = await post(mit(), `${path()}/revision`).send({ items: [{ itemId: sc1x(), outcome: 'granted', reasonCode: 'EQUIVALENT_COURSE' }] }).expect(409);
    expect(res.body.code).toBe('not-appealed');
  });

  it('a revision recorded before partial revisions (every item, no keptItems) still folds, projects and reproduces as it did', async () => {
    await post(uni(), `${path()}/appeal`).send({ grounds: 'review the whole decision' }).expect(201);
    const view = await get(mit(), path()).expect(200);
    const items = (view.body.decisions as (Decision & { [key: string]: JsonValue })[]).map(({ decidedIn: _step, ...d }): JsonObject => (d.itemId === sc1x() ? { ...d, outcome: 'granted', credits: '8', differsFromProposal: false, overrideReason: null } : d));
    const id = randomUUID();
    await t.store.append(`transfer-${flow.requestId}`, [
      { id, type: 'RequestRevised', occurredAt: new Date().toISOString(), schemaVersion: 1, data: { requestId: flow.requestId, items, note: 'legacy revision', revisedOn: new Date().toISOString().slice(0, 10) }, metadata: { correlationId: randomUUID(), causationId: null, actor: { institutionId: 'mit', role: 'registrar' } } },
    ], view.body.revision);
    await settled(t);
    const after = await get(mit(), path()).expect(200);
    expect((after.body.decisions as Decision[]).map(({ decidedIn: _step, ...d }) => d)).toEqual(items);
    for (const d of after.body.decisions as Decision[]) expect(d.decidedIn).toMatchObject({ type: 'RequestRevised', eventId: id, note: 'legacy revision', appeal: { itemIds: [] } });
    const ledger = await get(mit(), `/ledger/${flow.learnerId}`).expect(200);
    expect((ledger.body.entries as Entry[]).find((e) => e.itemId === sc1x())).toMatchObject({ outcome: 'granted', credits: { exact: '8' }, provenance: { note: 'legacy revision', decidedIn: { eventId: id } } });
    expect((await get(auditor, `/audit/requests/${flow.requestId}/reproduction`).expect(200)).body.identical).toBe(true);
  });

  it('a rebuild of the read models from the log gives the rows of the live projection, steps included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'partial-revision-rebuild-'));
    const options = { kind: 'sqlite' as const, file: join(dir, 'rebuilt.sqlite') };
    const rebuilt: DataSource = createReadModelDataSource(options);
    try {
      await migrateReadModels(rebuilt, options);
      await projectAll(t.store, rebuilt);
      const live = await dumpReadModels(t.app.get<DataSource>(READ_MODEL_WRITER));
      expect(live.rm_ledger.some((row) => row.includes('decidedIn') && row.includes('RequestRevised'))).toBe(true);
      expect(await dumpReadModels(rebuilt)).toEqual(live);
    } finally {
      await rebuilt.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
