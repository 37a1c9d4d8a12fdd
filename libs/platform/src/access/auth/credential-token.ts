import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * A credential token is `ct_<credentialId>.<secret>`: the id finds the credential, the secret
 * (32 random bytes, base64url) proves possession. Only sha256(secret) is stored: the secret has
 * 256 bits of entropy, so a fast hash is enough (a slow KDF protects low-entropy passwords, and
 * would cost every authenticated request milliseconds).
 */
export interface NewCredentialToken {
  credentialId: string;
  token: string;
  secretHash: string;
}

export function newCredentialToken(credentialId: string = randomUUID()): NewCredentialToken {
  const secret = randomBytes(32).toString('base64url');
  return { credentialId, token: `ct_${credentialId}.${secret}`, secretHash: hashSecret(secret) };
}

export function parseCredentialToken(token: string): { credentialId: string; secret: string } | null {
  const match = /^ct_([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { credentialId: match[1], secret: match[2] } : null;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, secretHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(secretHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
