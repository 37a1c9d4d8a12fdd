import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@app/event-store';
import { ACCESS_STREAM, newCredentialToken } from '@app/platform';

/**
 * Tracker issue 18, defect 3: a store whose only admin (the configured ADMIN_TOKEN) was revoked
 * (possible before the last admin could no longer be revoked) makes start-up say so in one line
 * and how to recover, instead of a stack trace about a credential that "already exists".
 */
const VARIABLES = ['LOG_LEVEL', 'EVENT_STORE', 'SQLITE_PATH', 'ADMIN_TOKEN', 'PORT', 'HOST'] as const;

describe('start-up with a revoked ADMIN_TOKEN (security)', () => {
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'revoked-admin-'));
  });
  afterAll(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('exits 1 with one line naming ADMIN_TOKEN, the revocation and the way out', async () => {
    const sqlitePath = join(dir, 'events.sqlite');
    const admin = newCredentialToken();
    const store = new SqliteEventStore(sqlitePath);
    const metadata = { correlationId: 'test', causationId: null, actor: { institutionId: 'platform', role: 'system' } };
    const event = (type: string, data: Record<string, string | string[]>) => ({ id: randomUUID(), type, occurredAt: new Date().toISOString(), schemaVersion: 1, data, metadata });
    await store.append(ACCESS_STREAM, [
      event('CredentialIssued', { credentialId: admin.credentialId, institutionId: 'platform', role: 'admin', label: 'first admin (bootstrap)', secretHash: admin.secretHash, auditScope: [] }),
      event('CredentialRevoked', { credentialId: admin.credentialId, reason: 'revoked by itself' }),
    ], 'no-stream');
    await store.close();

    Object.assign(process.env, { LOG_LEVEL: 'silent', EVENT_STORE: 'sqlite', SQLITE_PATH: sqlitePath, ADMIN_TOKEN: admin.token, PORT: '39917', HOST: '127.0.0.1' });
    const written: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const exited = new Promise<number | undefined>((resolve) => {
      jest.spyOn(process, 'exit').mockImplementation(((code?: number) => {
        resolve(code);
        return undefined as never;
      }) as typeof process.exit);
    });
    const { bootstrap } = await import('@app/platform');
    const { AppModule } = await import('../../apps/standalone/src/app.module');
    const app = await bootstrap(AppModule);
    expect(app).toBeUndefined();
    expect(await exited).toBe(1);
    process.exitCode = undefined;
    const output = written.join('');
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toMatch(/^startup failed: ADMIN_TOKEN is credential [0-9a-f-]{36}, which was revoked, and no admin credential is active: set ADMIN_TOKEN to a new token .* or unset it/);
    expect(output).not.toContain(admin.token);
    expect(output).not.toMatch(/already exists|\n\s+at /);
  });
});
