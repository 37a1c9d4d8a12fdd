import { createHash } from 'crypto';
import canonicalize from 'canonicalize';
import { JsonObject } from '../domain/verifiable-credential.values';

/** sha-256 (hex) of a credential: over its RFC 8785 (JCS) canonical JSON, or over a compact JWT's bytes. */
export function credentialDigest(credential: JsonObject | string): string {
  const bytes = typeof credential === 'string' ? credential : (canonicalize(credential) ?? '');
  return createHash('sha256').update(bytes, 'utf8').digest('hex');
}
