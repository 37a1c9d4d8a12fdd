/** `Bearer <token>` (RFC 6750 §2.1: the scheme is case-insensitive, one token68 after one or more spaces). */
const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;

/**
 * The bearer token of a request's `Authorization` header, or undefined. Only the header is read:
 * a token in the query string (`?access_token=`) or in a body field is never accepted, since URLs
 * and bodies end up in logs, proxies' access logs and browser histories.
 */
export function bearerTokenOf(authorization: string | string[] | undefined): string | undefined {
  if (typeof authorization !== 'string') return undefined;
  return BEARER.exec(authorization)?.[1];
}
