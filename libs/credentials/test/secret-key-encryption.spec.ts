import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentialsConfigFromEnv } from '../src/config/credentials.config';
import { KEK_FILE, loadKeyEncryptionKey } from '../src/keys/key-encryption-key';
import { decryptSecret, encryptSecret, WrongKeyEncryptionKeyError } from '../src/keys/secret-key-encryption';

describe('institution secret keys at rest', () => {
  const kek = randomBytes(32);

  it('round-trips through AES-256-GCM; the blob holds no plaintext', () => {
    const blob = encryptSecret(kek, 'zSecretKeyMultibase', 'did:key:z6Mk#z6Mk');
    expect(JSON.stringify(blob)).not.toContain('zSecretKeyMultibase');
    expect(decryptSecret(kek, blob, 'did:key:z6Mk#z6Mk')).toBe('zSecretKeyMultibase');
  });

  it('refuses another key id (the additional data) and names a wrong key-encryption key', () => {
    const blob = encryptSecret(kek, 'zSecret', 'key-1');
    expect(() => decryptSecret(kek, blob, 'key-2')).toThrow();
    expect(() => decryptSecret(randomBytes(32), blob, 'key-1')).toThrow(WrongKeyEncryptionKeyError);
  });

  it('generates the key-encryption key once, mode 0600, and reuses it; configuration wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kek-'));
    try {
      const path = join(dir, KEK_FILE);
      const messages: string[] = [];
      const made = loadKeyEncryptionKey(null, path, (m) => messages.push(m));
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(loadKeyEncryptionKey(null, path, (m) => messages.push(m)).equals(made)).toBe(true);
      expect(messages.join('\n')).toContain(path);
      expect(messages.join('\n')).not.toContain(readFileSync(path, 'utf8').trim());
      expect(loadKeyEncryptionKey(kek, path, () => undefined).equals(kek)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads CREDENTIAL_KEY_ENCRYPTION_KEY and PUBLIC_BASE_URL, and names a bad one', () => {
    const config = credentialsConfigFromEnv({ CREDENTIAL_KEY_ENCRYPTION_KEY: kek.toString('base64'), PUBLIC_BASE_URL: 'https://credits.example.edu/' });
    expect(config.keyEncryptionKey?.equals(kek)).toBe(true);
    expect(config.publicBaseUrl).toBe('https://credits.example.edu');
    expect(credentialsConfigFromEnv({}).publicBaseUrl).toBe('http://localhost:3000');
    expect(() => credentialsConfigFromEnv({ CREDENTIAL_KEY_ENCRYPTION_KEY: 'short' })).toThrow(/CREDENTIAL_KEY_ENCRYPTION_KEY/);
    expect(() => credentialsConfigFromEnv({ PUBLIC_BASE_URL: 'ftp://x' })).toThrow(/PUBLIC_BASE_URL/);
  });
});
