import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { SqliteEventStore } from '@app/event-store';
import { AppConfig } from '../src/config/app-config';
import { AccessRegistry } from '../src/access/auth/access-registry';
import { adminTokenPath, BootstrapAdmin, writeAdminTokenFile } from '../src/access/auth/bootstrap-admin';
import { newCredentialToken } from '../src/access/auth/credential-token';

const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe('the first admin credential written to <data dir>/admin-token', () => {
  let dir: string;
  let warnings: string[];
  let printed: string[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bootstrap-admin-'));
    warnings = [];
    printed = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => {
      warnings.push(String(message));
    });
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  const configFor = (sqlitePath: string): AppConfig => ({
    port: 3000,
    host: '127.0.0.1',
    logLevel: 'silent',
    eventStore: { kind: 'sqlite', path: sqlitePath, synchronous: 'NORMAL' },
  });

  async function boot(configuredToken: string | undefined): Promise<{ tokenFile: string; store: SqliteEventStore }> {
    const sqlitePath = join(dir, 'data', 'events.sqlite');
    const config = configFor(sqlitePath);
    const store = new SqliteEventStore(sqlitePath);
    await new BootstrapAdmin(store, new AccessRegistry(store), configuredToken, config).onApplicationBootstrap();
    return { tokenFile: adminTokenPath(config), store };
  }

  it('is the directory of the SQLite file, and ./data for the other stores and an in-memory SQLite', () => {
    expect(adminTokenPath(configFor('/srv/ct/events.sqlite'))).toBe('/srv/ct/admin-token');
    expect(adminTokenPath({ ...configFor('x'), eventStore: { kind: 'postgres', connectionString: 'postgres://h/db' } })).toBe(join(process.cwd(), 'data', 'admin-token'));
    expect(adminTokenPath(configFor(':memory:'))).toBe(join(process.cwd(), 'data', 'admin-token'));
  });

  it('a generated token is written with mode 0600 and the log names the path, never the token', async () => {
    const { tokenFile, store } = await boot(undefined);
    const token = readFileSync(tokenFile, 'utf8').trim();
    expect(token).toMatch(/^ct_[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(modeOf(tokenFile)).toBe(0o600);
    expect(printed.join('')).toContain(token); // printed once on stdout, as before
    expect(warnings.some((w) => w.includes(tokenFile))).toBe(true);
    expect(warnings.join('\n')).not.toContain(token);
    await store.close();
  });

  it('a configured ADMIN_TOKEN is not written anywhere', async () => {
    const { tokenFile, store } = await boot(newCredentialToken().token);
    expect(existsSync(tokenFile)).toBe(false);
    expect(printed).toEqual([]);
    await store.close();
  });

  it('a later start, with the admin already in the access stream, writes nothing', async () => {
    const first = await boot(undefined);
    rmSync(first.tokenFile);
    await first.store.close();
    const second = await boot(undefined);
    expect(existsSync(second.tokenFile)).toBe(false);
    await second.store.close();
  });

  it('replaces an existing, world-readable file instead of reusing its permissions', () => {
    const path = join(dir, 'admin-token');
    writeFileSync(path, 'old\n', { mode: 0o644 });
    writeAdminTokenFile(path, 'ct_new');
    expect(readFileSync(path, 'utf8')).toBe('ct_new\n');
    expect(modeOf(path)).toBe(0o600);
  });
});
