import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SqliteEventStore } from '@app/event-store';
import {
  createReadModelDataSource, dumpReadModels, EmbeddedProjector, migrateReadModels, projectAll, projectionsConfigFromEnv, READ_MODEL_WRITER, rebuildReadModels, ReadModelOptions,
} from '@app/projections';
import { generateSyntheticLog } from '../libs/projections/test/support/synthetic-log';
import { scmPolicy, scmProgram } from '../libs/transfer/test/scm-pathway.http-fixtures';
import { runScmFlow } from './support/scm-flow';
import { settled } from './support/settled';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

const rowCounts = (dump: Record<string, string[]>) => Object.fromEntries(Object.entries(dump).map(([table, rows]) => [table, rows.length]));

async function openReadModels(file: string): Promise<DataSource> {
  const options: ReadModelOptions = { kind: 'sqlite', file };
  const db = createReadModelDataSource(options);
  await migrateReadModels(db, options);
  return db;
}

describe('projections: a rebuild from the log gives the read models the incremental projection gave', () => {
  describe('standalone app: the SCM flow and every kind of later write over HTTP', () => {
    let t: StandaloneUnderTest;
    afterAll(() => t?.close());

    it('rebuildReadModels (what projections:rebuild runs) switches in read models identical to the live ones', async () => {
      t = await startStandalone();
      const flow = await runScmFlow(t);
      const { mit, mitx, uni } = flow.tokens;
      const post = (token: string, path: string) => request(t.server).post(path).auth(token, { type: 'bearer' });
      // A regrade, and the SCM policy's next version (closes 2026.1 on 2027-01-01).
      await post(mitx.issuer, `/learners/${flow.learnerId}/completions/${flow.completionIds[0]}/corrections`).send({ grade: { scale: 'percent', value: '95' }, reason: 're-marked' }).expect(201);
      await post(mit.registrar, '/policies/mit-scm-recognition/versions').send({ definition: { ...scmPolicy(), version: '2027.1', effectiveFrom: '2027-01-01' } }).expect(201);
      // Appeal of the decided request, and its revision.
      await post(uni.submitter, `/transfer-requests/${flow.requestId}/appeal`).send({ grounds: 'the MicroMasters covers more', itemIds: [`credential:${flow.credentialId}`] }).expect(201);
      const items = [
        ...flow.completionIds.map((id) => ({ itemId: `completion:${id}`, outcome: 'granted', reasonCode: 'EQUIVALENT_COURSE' })),
        { itemId: `credential:${flow.credentialId}`, outcome: 'granted', reasonCode: 'APPEAL_UPHELD', credits: '4', overrideReason: 'appeal upheld' },
      ];
      await post(mit.registrar, `/transfer-requests/${flow.requestId}/revision`).send({ items, note: 'after appeal' }).expect(201);
      // A second request, withdrawn; then the credential is revoked (progress and ledger re-derived).
      const second = await post(uni.submitter, '/transfer-requests')
        .send({ learnerId: flow.learnerId, receivingInstitution: 'mit', programId: 'mit-scm', evidence: { completionIds: flow.completionIds.slice(0, 2) } })
        .expect(201);
      await post(uni.submitter, `/transfer-requests/${second.body.id}/withdrawal`).send({ reason: 'sent in error' }).expect(201);
      await post(mitx.issuer, `/learners/${flow.learnerId}/credentials/${flow.credentialId}/revocation`).send({ reason: 'academic misconduct' }).expect(201);
      // Learner exceptions (no request): two granted, a new catalog year, one carried forward, the other revoked.
      const waiver = { programId: 'mit-scm', programVersion: '2026-2027', kind: 'waive', reason: 'industry project' };
      const capstone = (await post(mit.registrar, `/learners/${flow.learnerId}/exceptions`).send({ ...waiver, rulePath: 'mit-scm/capstone' }).expect(201)).body.id as string;
      const electives = (await post(mit.registrar, `/learners/${flow.learnerId}/exceptions`).send({ ...waiver, rulePath: 'mit-scm/electives' }).expect(201)).body.id as string;
      await post(mit.registrar, '/programs/mit-scm/versions').send({ definition: { ...scmProgram(), version: '2027-2028' } }).expect(201);
      await post(mit.registrar, `/learners/${flow.learnerId}/exceptions/${capstone}/carry-forward`).send({ toVersion: '2027-2028' }).expect(201);
      await post(mit.registrar, `/learners/${flow.learnerId}/exceptions/${electives}/revocation`).send({ reason: 'granted in error' }).expect(201);

      // The revocation flags the revised request (RequestEvidenceChanged): wait for the reactor, then the projector.
      await settled(t);
      const live = t.app.get<DataSource>(READ_MODEL_WRITER);
      const before = await dumpReadModels(live);
      expect(rowCounts(before)).toMatchObject({ rm_learners: 1, rm_policy_versions: 2, rm_requests: 2, rm_admissions: 1, rm_progress: 1, rm_learner_exceptions: 1 });
      const progressAnswer = JSON.parse((JSON.parse(before.rm_progress[0]) as { answer: string }).answer) as { exceptions: { applied: { path: string; source: string }[] } };
      expect(progressAnswer.exceptions.applied).toContainEqual(expect.objectContaining({ path: 'mit-scm/capstone', source: 'learner' }));
      expect(before.rm_ledger.length).toBeGreaterThan(0);
      expect(before.rm_requests.join('\n')).toContain('"status":"withdrawn"');
      expect(before.rm_requests.filter((row) => row.includes('"openEvidenceChanges":1,'))).toHaveLength(1);

      const report = await rebuildReadModels(t.store, projectionsConfigFromEnv(process.env).readModel);
      expect(report.checkpoint).toBe(await t.store.headPosition());
      expect(report.switchedBy).toBe('pages');
      expect(await dumpReadModels(live)).toEqual(before);
    }, 60_000);
  });

  describe('synthetic log', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'projections-rebuild-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('projected live by the EmbeddedProjector in many small batches while appending = projectAll in one go (batches of 1000)', async () => {
      const store = new SqliteEventStore(join(dir, 'events.sqlite'), 'NORMAL');
      const incremental = await openReadModels(join(dir, 'incremental.sqlite'));
      const projector = new EmbeddedProjector(store, incremental, { batchSize: 25 });
      const batches: number[] = [];
      const rebuilt = await openReadModels(join(dir, 'rebuilt.sqlite'));
      try {
        await projector.start();
        const summary = await generateSyntheticLog(store, { learners: 300, seed: 7 });
        await projector.waitFor(summary.head, 30_000);
        await projectAll(store, rebuilt, { batchSize: 1000, onBatch: (checkpoint) => batches.push(checkpoint) });
        const live = await dumpReadModels(incremental);
        expect(summary.events).toBeGreaterThan(1500);
        expect(batches).toHaveLength(Math.ceil(summary.events / 1000));
        expect(live.rm_ledger.length).toBeGreaterThan(0);
        expect(live.rm_progress.length).toBeGreaterThan(0);
        expect(await dumpReadModels(rebuilt)).toEqual(live);
      } finally {
        await projector.stop();
        await incremental.destroy();
        await rebuilt.destroy();
        await store.close();
      }
    }, 120_000);

    it('npm run projections:rebuild on a store file exits 0 and prints its summary', async () => {
      const storeFile = join(dir, 'cli-events.sqlite');
      const store = new SqliteEventStore(storeFile, 'NORMAL');
      const summary = await generateSyntheticLog(store, { learners: 60, seed: 11 });
      await store.close();
      const env: NodeJS.ProcessEnv = { ...process.env, EVENT_STORE: 'sqlite', SQLITE_PATH: storeFile, LOG_LEVEL: 'silent' };
      delete env.READ_MODEL;
      delete env.READ_MODEL_SQLITE_PATH;
      const child = spawn('npm', ['run', '--silent', 'projections:rebuild'], { cwd: join(__dirname, '..'), env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toContain(`rebuilding sqlite ${join(dir, 'read-models.sqlite')} from the sqlite event store`);
      expect(stdout).toMatch(new RegExp(`rebuilt: ${summary.events} events up to position ${summary.head} in [0-9.]+ s \\([0-9]+ events/s; projecting [0-9.]+ s, then the switch\\); switched in \\(pages copied over the live file, (straight into it|through its WAL)\\)`));
    }, 120_000);
  });
});
