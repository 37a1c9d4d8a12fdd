import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
// pino-http declares `IncomingMessage.id` (its request id); setting it here makes pino-http reuse it.
import type {} from 'pino-http';

export const CORRELATION_ID_HEADER = 'X-Correlation-Id';

/** Accepted incoming ids: printable, no spaces, at most 128 characters (anything else is replaced). */
const ACCEPTED = /^[A-Za-z0-9._:\-]{1,128}$/;

/** A request once its correlation id is assigned. */
export interface RequestWithCorrelationId extends IncomingMessage {
  correlationId?: string;
}

/**
 * The correlation id of a request, assigned on first call: an incoming X-Correlation-Id when it
 * is acceptable, a new UUID otherwise, exposed as `req.correlationId` and `req.id`. It is
 * Fastify's request id (`genReqId`), hence pino-http's `req.id` in every request log line.
 */
export function assignCorrelationId(req: RequestWithCorrelationId): string {
  if (req.correlationId !== undefined) return req.correlationId;
  const incoming = req.headers[CORRELATION_ID_HEADER.toLowerCase()];
  const candidate = Array.isArray(incoming) ? incoming[0] : incoming;
  const id = candidate !== undefined && ACCEPTED.test(candidate) ? candidate : randomUUID();
  req.correlationId = id;
  req.id = id;
  return id;
}

/**
 * Assigns the correlation id (see `assignCorrelationId`) and echoes it in the response. The
 * platform's first request hook calls it, before the body is read, so every response (400s for
 * malformed bodies included) carries it.
 */
export function ensureCorrelationId(req: RequestWithCorrelationId, res: ServerResponse): string {
  const id = assignCorrelationId(req);
  if (!res.headersSent) res.setHeader(CORRELATION_ID_HEADER, id);
  return id;
}

/** The correlation id of a request (assigned by `assignCorrelationId`); for event metadata and logs. */
export function correlationIdOf(req: IncomingMessage): string | undefined {
  return (req as RequestWithCorrelationId).correlationId;
}
