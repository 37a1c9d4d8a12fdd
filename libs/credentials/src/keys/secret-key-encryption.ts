import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** An institution's secret key as stored in its event: AES-256-GCM under the key-encryption key. */
export type EncryptedSecret = {
  alg: 'A256GCM';
  /** Fingerprint of the key-encryption key (first 16 hex of its sha-256): a wrong key is named, not guessed. */
  kekId: string;
  iv: string;
  tag: string;
  ciphertext: string;
};

export const kekIdOf = (kek: Buffer): string => createHash('sha256').update(kek).digest('hex').slice(0, 16);

/** Encrypts with Node's AES-256-GCM; `aad` binds the blob to its key id (it cannot be moved to another key). */
export function encryptSecret(kek: Buffer, plaintext: string, aad: string): EncryptedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { alg: 'A256GCM', kekId: kekIdOf(kek), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

export class WrongKeyEncryptionKeyError extends Error {
  constructor(expected: string, actual: string) {
    super(`institution key was encrypted under key-encryption key ${expected}, but this process has ${actual} (CREDENTIAL_KEY_ENCRYPTION_KEY or the data directory's credential-kek)`);
  }
}

export function decryptSecret(kek: Buffer, blob: EncryptedSecret, aad: string): string {
  const actual = kekIdOf(kek);
  if (blob.kekId !== actual) throw new WrongKeyEncryptionKeyError(blob.kekId, actual);
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(blob.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(blob.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(blob.ciphertext, 'base64')), decipher.final()]).toString('utf8');
}
