import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from '@app/event-store';
import { DomainError, DomainErrorKind } from '@app/kernel';
import { ErrorBody, errorBody, FieldError } from './error-body';

/**
 * Global HTTP exception filter. Every error answers `{ statusCode, error, message }` JSON:
 * - HttpException: its status; object bodies (validation errors, /health's report) pass through;
 * - DomainError (a decider's refusal): invalid -> 400, forbidden -> 403, not-found -> 404,
 *   conflict -> 409, with its `code`, `errors` (one per field it names: `details.path`, or
 *   `details.errors` for several) and the extra fields of `details.fields` (e.g. a revision
 *   conflict's resource, expected and current revisions);
 * - event-store errors that reach here unconverted (runCommand turns them into revision
 *   conflicts and key reuses): WrongExpectedRevisionError and DuplicateEventIdError -> 409,
 *   InvalidAppendError -> 400, each with a code and a message that names no stream (stream names
 *   are storage, not API; the details are logged);
 * - client errors raised by the HTTP layer (body-parser's http-errors) with an exposable 4xx status keep it;
 * - anything else -> 500 with a generic message, logged with its stack.
 */
@Catch()
export class PlatformExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('PlatformExceptionFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const { httpAdapter } = this.adapterHost;
    const response: unknown = host.switchToHttp().getResponse();
    const [status, body] = this.toResponse(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : exception);
    if (httpAdapter.isHeadersSent(response)) return;
    // RFC 6750 §3: a 401 names the scheme the client must use.
    if (status === HttpStatus.UNAUTHORIZED) httpAdapter.setHeader(response, 'WWW-Authenticate', 'Bearer realm="credit-transfer"');
    httpAdapter.reply(response, body, status);
  }

  private toResponse(exception: unknown): [number, ErrorBody | object] {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      return [status, typeof response === 'string' ? errorBody(status, response) : response];
    }
    if (exception instanceof DomainError) {
      const status = DOMAIN_STATUS[exception.kind];
      return [status, { ...errorBody(status, exception.message, fieldErrorsOf(exception), exception.code), ...extraFieldsOf(exception) }];
    }
    if (exception instanceof WrongExpectedRevisionError) {
      this.logger.warn(exception.message);
      const revision = (r: unknown) => (typeof r === 'number' ? r : null);
      const body = errorBody(HttpStatus.CONFLICT, 'the resource changed while this request was handled; read it again and retry', undefined, 'revision-conflict');
      return [HttpStatus.CONFLICT, { ...body, expectedRevision: revision(exception.expected), currentRevision: exception.actual }];
    }
    if (exception instanceof DuplicateEventIdError) {
      this.logger.warn(exception.message);
      return [HttpStatus.CONFLICT, errorBody(HttpStatus.CONFLICT, 'this request repeats events already stored for another request (an Idempotency-Key used twice?)', undefined, 'duplicate-event')];
    }
    if (exception instanceof InvalidAppendError) {
      this.logger.warn(exception.message);
      return [HttpStatus.BAD_REQUEST, errorBody(HttpStatus.BAD_REQUEST, 'the request cannot be stored: it would produce events the event store refuses', undefined, 'invalid-append')];
    }
    const clientStatus = exposedClientStatus(exception);
    if (clientStatus !== undefined && exception instanceof Error) {
      return [clientStatus, errorBody(clientStatus, exception.message)];
    }
    return [HttpStatus.INTERNAL_SERVER_ERROR, errorBody(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error')];
  }
}

/** The fields a refusal names: `details.errors` ({ path, message }[]) or `details.path`. */
function fieldErrorsOf(error: DomainError): FieldError[] | undefined {
  const listed = error.details?.errors;
  if (Array.isArray(listed)) {
    const errors = listed.filter(isPathMessage).map((e) => ({ location: 'body' as const, path: e.path, message: e.message }));
    if (errors.length > 0) return errors;
  }
  const path = error.details?.path;
  return typeof path === 'string' ? [{ location: 'body', path, message: error.message }] : undefined;
}

const isPathMessage = (e: unknown): e is { path: string; message: string } =>
  typeof e === 'object' && e !== null && typeof (e as { path?: unknown }).path === 'string' && typeof (e as { message?: unknown }).message === 'string';

/** Extra body fields of a refusal (`details.fields`), never overriding the standard ones. */
function extraFieldsOf(error: DomainError): Record<string, unknown> {
  const fields = error.details?.fields;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return {};
  const reserved = new Set(['statusCode', 'error', 'message', 'code', 'errors']);
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !reserved.has(key)));
}

const DOMAIN_STATUS: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** http-errors (used by body-parser) mark client errors safe to show with `expose`. */
function exposedClientStatus(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { status, expose } = exception as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : undefined;
}
