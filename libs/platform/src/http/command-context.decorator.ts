import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson, CommandContext } from '@app/event-store';
import { Principal } from '../access/auth/principal';

interface CommandRequest {
  method: string;
  originalUrl?: string;
  url: string;
  body?: unknown;
  user?: Principal;
  /** Set by the platform's correlation id middleware (the id echoed in X-Correlation-Id). */
  correlationId?: string;
  headers: Record<string, string | string[] | undefined>;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const IF_MATCH = /^(?:W\/)?"?(\d{1,15})"?$/;

function header(request: CommandRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Parses `If-Match: "3"` (also W/"3" or 3) into an expected stream revision. */
export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = IF_MATCH.exec(value.trim());
  if (!match) throw new BadRequestException(`header If-Match: expected an ETag like "3", got ${JSON.stringify(value)}`);
  return Number(match[1]);
}

/** Builds the CommandContext of a write request: who, correlation, idempotency, If-Match, arrival time. */
export function commandContextOf(request: CommandRequest): CommandContext {
  const principal = request.user;
  if (!principal) throw new Error('commandContextOf needs an authenticated request');
  const idempotencyKey = header(request, 'idempotency-key');
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new BadRequestException('header Idempotency-Key: 1 to 200 visible ASCII characters');
  }
  const correlationId = request.correlationId ?? header(request, 'x-correlation-id') ?? randomUUID();
  const fingerprint = canonicalJson({ method: request.method, path: request.originalUrl ?? request.url, body: request.body ?? null });
  return {
    actor: { institutionId: principal.institutionId, role: principal.role },
    correlationId,
    causationId: null,
    idempotencyKey,
    requestHash: idempotencyKey ? createHash('sha256').update(fingerprint).digest('hex') : undefined,
    expectedRevision: parseIfMatch(header(request, 'if-match')),
    // The arrival time: the fact's time unless the handler knows its own (a date field, occurredAt).
    // One instant for the whole command, so its events and the dates derived from it agree.
    occurredAt: new Date().toISOString(),
  };
}

/** Handler parameter: the CommandContext of this request. */
export const Command = createParamDecorator((_data: unknown, context: ExecutionContext): CommandContext =>
  commandContextOf(context.switchToHttp().getRequest<CommandRequest>()),
);
