import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findAdminToken, MissingAdminTokenError } from '../scripts/demo/admin-token';
import { parseDemoOptions } from '../scripts/demo/options';
import { collectingReporter } from '../scripts/demo/report';
import { runScmDemo } from '../scripts/demo/scm-scenario';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

describe('npm run demo: the MIT SCM blended scenario over real HTTP (global fetch) against the standalone app', () => {
  let t: StandaloneUnderTest;
  let baseUrl: string;
  beforeAll(async () => {
    t = await startStandalone();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t?.close());

  it('learner 1 (complete MicroMasters): reduced residency, 5 months instead of 10; learner 2 (one course short): standard, and told what is missing', async () => {
    const report = collectingReporter();
    const outcome = await runScmDemo({ baseUrl, adminToken: t.adminToken, tag: 'e2e1', report });

    const first = outcome.complete.eligibility;
    expect(first).toMatchObject({ learnerId: outcome.complete.learnerId, programId: 'mit-scm-e2e1', institutionId: 'mit-e2e1' });
    expect(first.residency).toMatchObject({ outcome: 'reduced', months: 5, standard: { months: 10 } });
    expect(first.residency.pathway?.id).toBe('blended');

    const second = outcome.oneCourseShort.eligibility;
    expect(second.learnerId).toBe(outcome.oneCourseShort.learnerId);
    expect(second.residency.outcome).toBe('standard');
    expect(second.residency.pathway).toBeNull();
    expect(second.residency.standard?.months).toBe(10);
    expect(second.missing.length + second.residency.reasons.length).toBeGreaterThan(0);

    // The story the console shows: every section, one line per step, the facts of each answer.
    const text = report.lines.join('\n');
    expect(report.lines.filter((line) => line.startsWith('# '))).toHaveLength(7);
    expect(text).toContain('pinned: program mit-scm-e2e1@2026-2027, policy mit-scm-recognition-e2e1@2026.1');
    expect(text).toMatch(/residency REDUCED: 5 months .*instead of 10 months/);
    expect(text).toContain('residency STANDARD: 10 months');
    // MITx publishes what the MicroMasters requires; a complete award over the stack one course short is refused, naming it.
    expect(text).toContain('credential definition MITx-SCM-MM-e2e1 version 2025: 6 component courses');
    expect(text).toContain('credential awarded: MicroMasters MITx-SCM-MM-e2e1, complete (checked against its definition)');
    expect(text).toMatch(/a complete MITx-SCM-MM-e2e1 over these 5 completions is refused: HTTP 409 credential-requirements-not-met\n\s+missing: mitx-e2e1\.sc4x \(Supply Chain Technology and Systems\): no completion of it in the stack/);
    // The university finds the program and the policy in effect in MIT's catalog, and follows what it sent.
    expect(text).toContain('a request submitted today is evaluated under policy mit-scm-recognition-e2e1 version 2026.1');
    expect(text).toMatch(/follows its requests \(GET \/submissions, minPosition \d+, up to position \d+\): 2 sent \(1 decided, 1 evaluated\)/);
    // It reads its own writes: every read of the projections names the position of the write it waited for.
    expect(text).toMatch(/reads mit-e2e1's catalog \(GET \/catalog\/mit-e2e1, minPosition \d+/);
    expect(text).toMatch(/GET \/eligibility for \S+ \(minPosition \d+, answered in \d+ ms\)/);
    expect(text).not.toMatch(/[{}]/); // no raw JSON
  }, 60000);

  it('runs again against the same server and data: every id carries the run tag', async () => {
    const outcome = await runScmDemo({ baseUrl, adminToken: t.adminToken, tag: 'e2e2', report: collectingReporter() });
    expect(outcome.complete.eligibility.residency.outcome).toBe('reduced');
  }, 60000);
});

describe('where the demo finds the admin credential', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'demo-token-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('ADMIN_TOKEN first, then --token, then the file the server wrote', () => {
    const file = join(dir, 'admin-token');
    writeFileSync(file, 'ct_from-file\n');
    expect(findAdminToken({ ADMIN_TOKEN: 'ct_env' }, 'ct_flag', file)).toEqual({ token: 'ct_env', from: 'ADMIN_TOKEN' });
    expect(findAdminToken({}, 'ct_flag', file)).toEqual({ token: 'ct_flag', from: '--token' });
    expect(findAdminToken({}, null, file)).toEqual({ token: 'ct_from-file', from: file });
  });

  it('says where it looked when there is none', () => {
    const file = join(dir, 'admin-token');
    expect(() => findAdminToken({}, null, file)).toThrow(MissingAdminTokenError);
    expect(() => findAdminToken({}, null, file)).toThrow(`the file ${file}: does not exist`);
  });

  it('the default file is ./data/admin-token, or next to SQLITE_PATH, or ADMIN_TOKEN_FILE; --url, DEMO_URL or the default server', () => {
    expect(parseDemoOptions([], {})).toMatchObject({ baseUrl: 'http://127.0.0.1:3000', tokenFile: join('data', 'admin-token') });
    expect(parseDemoOptions([], { SQLITE_PATH: '/srv/ct/events.sqlite', DEMO_URL: 'http://h:1' })).toMatchObject({ baseUrl: 'http://h:1', tokenFile: '/srv/ct/admin-token' });
    expect(parseDemoOptions(['--token-file', '/x/t', '--url=http://h:2'], { ADMIN_TOKEN_FILE: '/y' })).toMatchObject({ baseUrl: 'http://h:2', tokenFile: '/x/t' });
  });
});
