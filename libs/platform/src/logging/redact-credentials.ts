/** Replaces a credential wherever a log line would carry it. */
export const REDACTED = '[Redacted]';

/** Names of query parameters and body fields that carry credentials (case-insensitive, `-`/`_` alike). */
const CREDENTIAL_NAME = /^(access[-_]?token|refresh[-_]?token|id[-_]?token|token|bearer|auth|authorization|api[-_]?key|x[-_]?api[-_]?key|key|secret|client[-_]?secret|password|passwd|pwd|credential|session|cookie|signature|sig)$/i;

/** A value that is a credential whatever its name: this platform's tokens (`ct_<uuid>.<secret>`) and JWTs. */
const CREDENTIAL_VALUE = /(^|[^A-Za-z0-9])(ct_[0-9a-f-]{36}\.[A-Za-z0-9_-]+|eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)/;

export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name);
}

function looksLikeCredential(value: string): boolean {
  return CREDENTIAL_VALUE.test(value);
}

/** The URL with the value of every credential-like query parameter replaced; the path is kept. */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  const path = (mark < 0 ? url : url.slice(0, mark)).replace(new RegExp(CREDENTIAL_VALUE.source, 'g'), `$1${REDACTED}`);
  if (mark < 0) return path;
  const query = url
    .slice(mark + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const rawName = equals < 0 ? pair : pair.slice(0, equals);
      let name = rawName;
      let value = equals < 0 ? '' : pair.slice(equals + 1);
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
        value = decodeURIComponent(value.replace(/\+/g, ' '));
      } catch {
        // A malformed encoding is logged as it came, unless it looks like a credential.
      }
      return isCredentialName(name) || looksLikeCredential(value) ? `${rawName}=${REDACTED}` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

/**
 * A copy of a parsed query or body with credential-like fields (by name, at any depth up to 8
 * levels, or by value) replaced; deeper structure is elided, never logged.
 */
export function redactFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return looksLikeCredential(value) ? REDACTED : value;
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= 8) return '[Elided]';
  if (Array.isArray(value)) return value.map((item) => redactFields(item, depth + 1));
  const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [name, field] of Object.entries(value)) {
    copy[name] = isCredentialName(name) ? REDACTED : redactFields(field, depth + 1);
  }
  return copy;
}
