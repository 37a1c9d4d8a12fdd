import type { IncomingMessage, ServerResponse } from 'node:http';
import { BadRequestException, HttpException } from '@nestjs/common';
import { json, urlencoded } from 'body-parser';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './error-body';

/** Largest accepted request body. */
export const BODY_LIMIT = '1mb';
export const BODY_LIMIT_BYTES = 1024 * 1024;

type NodeBodyParser = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
type ParsedRequest = IncomingMessage & { body?: unknown };

/** `request.mediaType` of a Content-Type header Fastify cannot parse (no type, no subtype). */
const UNPARSABLE_MEDIA_TYPE = '/';

/**
 * Replaces Fastify's content-type parsers with one for every request that has a body: the JSON
 * and form parsers of `body-parser` (strict JSON, an empty body is `{}`, 1 MB limit, charsets,
 * gzip/deflate/br) run on the raw request, as they did under Express, and their failures become
 * HttpExceptions with a clear message, e.g. 400 "Malformed JSON in request body: ..." instead of
 * the parser's bare message; 413 when too large, 415 for an unsupported charset or encoding.
 * A body of any other content type is left unread (`undefined`), for validation to refuse.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  const parsers: NodeBodyParser[] = [json({ limit: BODY_LIMIT }), urlencoded({ extended: false, limit: BODY_LIMIT })];
  // Fastify answers 415 to a Content-Type it cannot parse ("foo"); Express left such a body
  // unread (as body-parser does not recognise it either), for validation to refuse: dropped here.
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    if (request.headers['content-type'] !== undefined && request.mediaType === UNPARSABLE_MEDIA_TYPE) delete request.headers['content-type'];
    done(null, payload);
  });
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (_request, payload: ParsedRequest, done) => {
    // body-parser reads only the request; its `res` parameter is passed to a `verify` option not used here.
    const res = undefined as unknown as ServerResponse;
    const run = (index: number): void => {
      if (index === parsers.length) return done(null, payload.body);
      parsers[index](payload, res, (error?: unknown) => (error === undefined ? run(index + 1) : done(toError(clear(error)))));
    };
    run(0);
  });
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function clear(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { type, status } = error as Error & { type?: unknown; status?: unknown };
  if (type === 'entity.parse.failed') {
    return new BadRequestException(errorBody(400, `Malformed JSON in request body: ${error.message}`));
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpException(errorBody(status, error.message), status);
  }
  return error;
}
