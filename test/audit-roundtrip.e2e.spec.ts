import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { EventStore, SqliteEventStore } from '@app/event-store';
import { fileLines, importEvents, verifyLog } from '@app/audit';
import { createReadModelDataSource, dumpReadModels, migrateReadModels, projectAll } from '@app/projections';
import { scmPolicy, scmProgram } from '../libs/transfer/test/scm-pathway.http-fixtures';
import { runScmFlow } from './support/scm-flow';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

/** The read models `store` projects to, from scratch, in a fresh SQLite file. */
async function projectedDump(store: EventStore, file: string): Promise<Record<string, string[]>> {
  const options = { kind: 'sqlite' as const, file };
  const db = createReadModelDataSource(options, 'writer');
  try {
    await migrateReadModels(db, options);
    await projectAll(store, db, { batchSize: 7 });
    return await dumpReadModels(db);
  } finally {
    if (db.isInitialized) await db.destroy();
  }
}

describe('audit round trip: export over HTTP, import into an empty store, the same read models', () => {
  let t: StandaloneUnderTest;
  const dir = mkdtempSync(join(tmpdir(), 'audit-roundtrip-'));
  beforeAll(async () => {
    t = await startStandalone();
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a log with every projected event type exports, imports exactly, verifies, and projects to identical read models', async () => {
    const flow = await runScmFlow(t);
    const { mit, mitx, uni } = flow.tokens;
    const as = (token: string) => ({ post: (path: string) => request(t.server).post(path).auth(token, { type: 'bearer' }) });
    const requestPath = `/transfer-requests/${flow.requestId}`;
    await as(mitx.issuer).post(`/learners/${flow.learnerId}/enrollments`).send({ courseId: 'mitx-ctl.sc0x', term: '2025T1', enrolledOn: '2025-01-10' }).expect(201);
    await as(mitx.issuer).post(`/learners/${flow.learnerId}/completions/${flow.completionIds[1]}/corrections`).send({ grade: { scale: 'percent', value: '95' }, reason: 'exam re-marked' }).expect(201);
    await as(mit.registrar).post(`${requestPath}/exceptions`).send({ kind: 'waive', rulePath: 'mit-scm/capstone', reason: 'industry capstone' }).expect(201);
    await as(uni.submitter).post(`${requestPath}/appeal`).send({ grounds: 'the credential should count', itemIds: [`credential:${flow.credentialId}`] }).expect(201);
    const items = [
      ...flow.completionIds.map((id) => ({ itemId: `completion:${id}`, outcome: 'granted', reasonCode: 'EQUIVALENT_COURSE' })),
      { itemId: `credential:${flow.credentialId}`, outcome: 'recognized', reasonCode: 'PATHWAY_CREDENTIAL', note: 'appeal reviewed' },
    ];
    await as(mit.registrar).post(`${requestPath}/revision`).send({ items, note: 'appeal reviewed, decision stands' }).expect(201);
    const second = await as(uni.submitter).post('/transfer-requests')
      .send({ learnerId: flow.learnerId, receivingInstitution: 'mit', programId: 'mit-scm', evidence: { completionIds: [flow.completionIds[0]] } })
      .expect(201);
    await as(uni.submitter).post(`/transfer-requests/${second.body.id}/withdrawal`).send({ reason: 'duplicate request' }).expect(201);
    await as(mitx.issuer).post(`/learners/${flow.learnerId}/credentials/${flow.credentialId}/revocation`).send({ reason: 'identity verification failed' }).expect(201);
    const today = new Date().toISOString().slice(0, 10);
    await as(mit.registrar).post('/policies/mit-scm-recognition/versions').send({ definition: { ...scmPolicy(), version: '2026.2', effectiveFrom: today } }).expect(201);
    // learner exceptions, outside any request: granted, carried forward to a new catalog year, revoked
    const waiver = { programId: 'mit-scm', programVersion: '2026-2027', kind: 'waive', reason: 'industry capstone' };
    const learnerExceptions = `/learners/${flow.learnerId}/exceptions`;
    const capstone = (await as(mit.registrar).post(learnerExceptions).send({ ...waiver, rulePath: 'mit-scm/capstone' }).expect(201)).body.id as string;
    const electives = (await as(mit.registrar).post(learnerExceptions).send({ ...waiver, rulePath: 'mit-scm/electives' }).expect(201)).body.id as string;
    await as(mit.registrar).post('/programs/mit-scm/versions').send({ definition: { ...scmProgram(), version: '2027-2028' } }).expect(201);
    await as(mit.registrar).post(`${learnerExceptions}/${capstone}/carry-forward`).send({ toVersion: '2027-2028' }).expect(201);
    await as(mit.registrar).post(`${learnerExceptions}/${electives}/revocation`).send({ reason: 'granted in error' }).expect(201);

    const types = new Set<string>();
    for await (const e of t.store.readAll()) types.add(e.type);
    expect([...types]).toEqual(expect.arrayContaining([
      'LearnerRegistered', 'EnrollmentRecorded', 'CompletionRecorded', 'CompletionCorrected', 'MicroCredentialAwarded', 'MicroCredentialRevoked',
      'ProgramVersionPublished', 'PolicyVersionPublished', 'LearnerAdmitted',
      'RequestSubmitted', 'RequestEvaluated', 'ItemsDecided', 'ExceptionGranted', 'RequestAppealed', 'RequestRevised', 'RequestWithdrawn',
      'LearnerExceptionGranted', 'LearnerExceptionCarriedForward', 'LearnerExceptionRevoked',
    ]));

    const exported = await request(t.server).get('/audit/export').auth(t.adminToken, { type: 'bearer' }).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => done(null, text));
    }).expect(200);
    expect(exported.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const file = join(dir, 'log.ndjson');
    writeFileSync(file, exported.body as string);

    const imported = new SqliteEventStore(join(dir, 'imported.sqlite'));
    try {
      const summary = await importEvents(imported, fileLines(file));
      const source = await verifyLog(t.store);
      expect(source.ok).toBe(true);
      expect(summary).toMatchObject({ events: source.checked, digest: source.digest });
      expect(await verifyLog(imported)).toMatchObject({ ok: true, checked: source.checked, streams: source.streams, digest: source.digest });

      const original = await projectedDump(t.store, join(dir, 'original-read-models.sqlite'));
      const restored = await projectedDump(imported, join(dir, 'restored-read-models.sqlite'));
      expect(Object.values(original).every((rows) => rows.length > 0)).toBe(true);
      expect(restored).toEqual(original);
    } finally {
      await imported.close();
    }
  }, 60000);
});
