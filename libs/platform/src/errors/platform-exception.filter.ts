import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from '@app/event-store';
import { ErrorBody, errorBody } from './error-body';

/**
 * Global HTTP exception filter. Every error answers `{ statusCode, error, message }` JSON:
 * - HttpException: its status; object bodies (validation errors, /health's report) pass through;
 * - event-store errors: WrongExpectedRevisionError and DuplicateEventIdError -> 409,
 *   InvalidAppendError -> 400;
 * - client errors raised by Express/body-parser with an exposable 4xx status keep it;
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

/** http-errors (used by Express and body-parser) mark client errors safe to show with `expose`. */
function exposedClientStatus(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { status, expose } = exception as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : undefined;
}
