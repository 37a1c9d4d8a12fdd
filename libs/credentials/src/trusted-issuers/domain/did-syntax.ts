/**
 * DID syntax (W3C DID Core 1.0, section 3.1) and Ed25519 multikeys, as pure functions:
 * `did:<method>:<method-specific-id>` where the method is lower-case letters and digits and the
 * id is idchars (ALPHA / DIGIT / "." / "-" / "_" / pct-encoded) in colon-separated segments,
 * the last one not empty.
 */
const IDCHAR = '(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})';
export const DID_PATTERN = `^did:[a-z0-9]+:(?:${IDCHAR}*:)*${IDCHAR}+$`;
const DID = new RegExp(DID_PATTERN);

export const isDid = (text: string): boolean => DID.test(text);

/** The DID method: `web` of `did:web:example.edu`. */
export const didMethodOf = (did: string): string => did.split(':')[1];

/** An Ed25519 public key as a Multikey `publicKeyMultibase`: base58btc ('z') of 0xed 0x01 + 32 bytes. */
export const ED25519_MULTIKEY_PATTERN = '^z6Mk[1-9A-HJ-NP-Za-km-z]{40,50}$';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** The bytes of a base58btc string, or null when it has a character outside the alphabet. */
export function base58Decode(text: string): Uint8Array | null {
  let value = 0n;
  for (const char of text) {
    const digit = BASE58.indexOf(char);
    if (digit < 0) return null;
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value % 256n));
    value /= 256n;
  }
  for (const char of text) {
    if (char !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

/** True for a Multikey-encoded Ed25519 public key (multicodec 0xed01, 32 key bytes). */
export function isEd25519Multikey(multibase: string): boolean {
  if (!multibase.startsWith('z')) return false;
  const bytes = base58Decode(multibase.slice(1));
  return bytes !== null && bytes.length === 34 && bytes[0] === 0xed && bytes[1] === 0x01;
}
