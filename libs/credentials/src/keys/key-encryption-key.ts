import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AppConfig } from '@app/platform';

/** Name of the file, in the data directory, that keeps a generated key-encryption key. */
export const KEK_FILE = 'credential-kek';

/** Next to the SQLite file (as the generated admin token); `./data` for the other stores. Null for an in-memory SQLite store. */
export function kekPath(config: AppConfig | undefined): string | null {
  const store = config?.eventStore;
  if (store?.kind === 'sqlite' && store.path === ':memory:') return null;
  const dataDir = store?.kind === 'sqlite' ? dirname(store.path) : './data';
  return resolve(join(dataDir, KEK_FILE));
}

/**
 * The key-encryption key: from configuration, else the one kept at `path` (generated there,
 * mode 0600, on first use), else (in-memory store: nothing survives a restart anyway) one for
 * this process. `log` says which, never the key.
 */
export function loadKeyEncryptionKey(configured: Buffer | null, path: string | null, log: (message: string) => void): Buffer {
  if (configured) return configured;
  if (path === null) {
    log('CREDENTIAL_KEY_ENCRYPTION_KEY not set and the event store is in memory: institution keys are encrypted under a key of this process only');
    return randomBytes(32);
  }
  if (existsSync(path)) {
    const kept = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (kept.length !== 32) throw new Error(`${path} does not hold the base64 of 32 bytes (the generated credential key-encryption key)`);
    log(`CREDENTIAL_KEY_ENCRYPTION_KEY not set: using the generated key-encryption key kept in ${path} (set the variable in production)`);
    return kept;
  }
  const kek = randomBytes(32);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${kek.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  log(`CREDENTIAL_KEY_ENCRYPTION_KEY not set: generated a key-encryption key for institution keys and kept it in ${path} (mode 0600; set the variable in production)`);
  return kek;
}
