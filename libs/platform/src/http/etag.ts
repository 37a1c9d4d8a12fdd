import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** `/(^|,) no-cache (,|$)/` in a request's Cache-Control: the client wants a full response. */
const NO_CACHE = /(?:^|,)\s*?no-cache\s*?(?:,|$)/;
/** A Content-Type that names its charset. */
const CHARSET = /;\s*charset=/i;

/** The weak ETag of a body: `W/"<byte length, hex>-<sha1, base64, 27 chars>"`, as Express computes it. */
export function weakEtagOf(body: string | Buffer): string {
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  const hash = createHash('sha1').update(body).digest('base64').substring(0, 27);
  return `W/"${length.toString(16)}-${hash}"`;
}

/** Whether `If-None-Match` (a list of tags, or `*`) matches `etag`, weakly (RFC 9110 §13.1.2). */
function noneMatchMatches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(/[ ,]+/).some((tag) => tag !== '' && (tag === etag || tag === `W/${etag}` || `W/${tag}` === etag));
}

/** Express's `req.fresh`: a GET/HEAD whose 2xx answer the client already holds (its validators match). */
function isFresh(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if ((reply.statusCode < 200 || reply.statusCode >= 300) && reply.statusCode !== 304) return false;
  const { 'if-none-match': ifNoneMatch, 'if-modified-since': ifModifiedSince, 'cache-control': cacheControl } = request.headers;
  if (ifNoneMatch === undefined && ifModifiedSince === undefined) return false;
  if (cacheControl !== undefined && NO_CACHE.test(cacheControl)) return false;
  if (ifNoneMatch !== undefined && !noneMatchMatches(ifNoneMatch, etag)) return false;
  // No response here carries Last-Modified, so an If-Modified-Since can never be satisfied.
  return ifModifiedSince === undefined;
}

/**
 * What Express did for every response body it sent, kept for clients: the charset of a text body
 * in its Content-Type; a weak ETag when the handler set none (commands and resource reads set
 * the stream revision, `"3"`); and `304 Not Modified` without a body for a GET/HEAD whose
 * `If-None-Match` matches the ETag.
 */
export function registerEtags(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
    if (typeof payload === 'string') {
      // Express sent every string body as UTF-8 and said so (`text/html` -> `text/html; charset=utf-8`).
      const type = reply.getHeader('content-type');
      if (typeof type === 'string' && !CHARSET.test(type)) reply.header('Content-Type', `${type}; charset=utf-8`);
    }
    let etag = reply.getHeader('etag');
    if (etag === undefined) {
      etag = weakEtagOf(payload);
      reply.header('ETag', etag);
    }
    if (typeof etag !== 'string' || !isFresh(request, reply, etag)) return done(null, payload);
    reply.code(304).removeHeader('content-type').removeHeader('content-length');
    done(null, null);
  });
}
