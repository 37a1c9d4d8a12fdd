import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from '@app/event-store';
import { DomainError, DomainErrorKind } from '@app/kernel';
import { ErrorBody, errorBody } from './error-body';

/**
 * Global HTTP exception filter. Every error answers `{ statusCode, error, message }` JSON:
 * - HttpException: its status; object bodies (validation errors, /health's report) pass through;
 * - DomainError (a decider's refusal): invalid -> 400, forbidden -> 403, not-found -> 404,
 *   conflict -> 409, with its `code` (and `errors[0].path` when it names a field);
 * - event-store errors: WrongExpectedRevisionError and DuplicateEventIdError -> 409,
 *   InvalidAppendError -> 400;
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
      const path = exception.details?.path;
      const errors = typeof path === 'string' ? [{ location: 'body' as const, path, message: exception.message }] : undefined;
      return [status, errorBody(status, exception.message, errors, exception.code)];
    }
    if (exception instanceof WrongExpectedRevisionError || exception instanceof DuplicateEventIdError) {
      return [HttpStatus.CONFLICT, errorBody(HttpStatus.CONFLICT, exception.message)];
    }
    if (exception instanceof InvalidAppendError) {
      return [HttpStatus.BAD_REQUEST, errorBody(HttpStatus.BAD_REQUEST, exception.message)];
    }
    const clientStatus = exposedClientStatus(exception);
    if (clientStatus !== undefined && exception instanceof Error) {
      return [clientStatus, errorBody(clientStatus, exception.message)];
    }
    return [HttpStatus.INTERNAL_SERVER_ERROR, errorBody(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error')];
  }
}

const DOMAIN_STATUS: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
};

/** http-errors (used by body-parser) mark client errors safe to show with `expose`. */
function exposedClientStatus(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { status, expose } = exception as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : undefined;
}
