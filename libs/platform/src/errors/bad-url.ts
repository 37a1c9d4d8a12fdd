import { BadRequestException, HttpException } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { weakEtagOf } from '../http/etag';
import { ensureCorrelationId } from '../logging/correlation-id';

/** The first path segment that is not valid percent-encoding ("%FF"), if any. */
function undecodableSegment(url: string): string | undefined {
  return url.split('?')[0].split('/').find((segment) => {
    try {
      decodeURIComponent(segment);
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * Fastify's `frameworkErrors`: answers a URL the router cannot decode (a malformed
 * percent-encoding) before any route or hook runs, with the same 400 (and correlation id) as
 * Express did: `{ message: "Failed to decode param '%FF'", error: "Bad Request", statusCode: 400 }`.
 */
export function replyToBadUrl(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  ensureCorrelationId(request.raw, reply.raw);
  const exception =
    error.code === 'FST_ERR_BAD_URL'
      ? new BadRequestException(`Failed to decode param '${undecodableSegment(request.raw.url ?? '') ?? ''}'`)
      : new HttpException(error.message, error.statusCode ?? 400);
  // This reply skips the hooks (onSend included): its ETag is set here, as for every other body.
  const body = JSON.stringify(exception.getResponse());
  void reply.code(exception.getStatus()).type('application/json; charset=utf-8').header('ETag', weakEtagOf(body)).send(body);
}
