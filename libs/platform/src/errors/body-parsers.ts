import { BadRequestException, HttpException } from '@nestjs/common';
import type { RequestHandler } from 'express';
import { json, urlencoded } from 'express';
import { errorBody } from './error-body';

/** Largest accepted request body. */
export const BODY_LIMIT = '1mb';

/**
 * JSON and form body parsers whose failures become HttpExceptions with a clear message, e.g.
 * 400 "Malformed JSON in request body: ..." instead of the parser's bare message. The app is
 * created with `bodyParser: false` and `configureApp` registers these after the correlation id.
 */
export function bodyParsers(): RequestHandler[] {
  return [withClearErrors(json({ limit: BODY_LIMIT })), withClearErrors(urlencoded({ extended: false, limit: BODY_LIMIT }))];
}

function withClearErrors(parser: RequestHandler): RequestHandler {
  return (req, res, next) => parser(req, res, (error?: unknown) => next(error === undefined ? undefined : clear(error)));
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
