import type { IncomingMessage, ServerResponse } from 'node:http';
import { BadRequestException, HttpException } from '@nestjs/common';
import { json, urlencoded } from 'body-parser';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './error-body';
import { jsonDepthExceeds } from './json-depth';
import { unsafeTextPointer } from './unsafe-text';

/** Largest accepted request body by default (HTTP_BODY_LIMIT_BYTES). */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Deepest nesting of a JSON body by default (HTTP_JSON_MAX_DEPTH). */
export const JSON_MAX_DEPTH = 64;

export interface BodyLimits {
  bodyLimitBytes: number;
  jsonMaxDepth: number;
}

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
 * Before JSON is parsed, its nesting depth is bounded (400 beyond `jsonMaxDepth`); after, a
 * string holding NUL or a lone surrogate is refused (400 naming its JSON pointer).
 * A body of any other content type is left unread (`undefined`), for validation to refuse.
 */
export function registerBodyParsers(fastify: FastifyInstance, limits: BodyLimits = { bodyLimitBytes: BODY_LIMIT_BYTES, jsonMaxDepth: JSON_MAX_DEPTH }): void {
  const verify = (_req: IncomingMessage, _res: ServerResponse, bytes: Buffer): void => {
    if (jsonDepthExceeds(bytes, limits.jsonMaxDepth)) {
      const message = `request body nests arrays and objects deeper than ${limits.jsonMaxDepth} levels`;
      throw new BadRequestException(errorBody(400, message, [{ location: 'body', path: '/', message }], 'body-too-deep'));
    }
  };
  const parsers: NodeBodyParser[] = [
    json({ limit: limits.bodyLimitBytes, verify }),
    urlencoded({ extended: false, limit: limits.bodyLimitBytes }),
  ];
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
      if (index === parsers.length) {
        const pointer = unsafeTextPointer(payload.body);
        if (pointer === undefined) return done(null, payload.body);
        const message = 'must not contain NUL characters or unpaired UTF-16 surrogates';
        return done(new BadRequestException(errorBody(400, `${pointer} ${message}`, [{ location: 'body', path: pointer, message }], 'unsafe-text')));
      }
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
  if (error instanceof HttpException) return error;
  const { type, status } = error as Error & { type?: unknown; status?: unknown };
  if (type === 'entity.parse.failed') {
    return new BadRequestException(errorBody(400, `Malformed JSON in request body: ${error.message}`));
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpException(errorBody(status, error.message), status);
  }
  return error;
}
