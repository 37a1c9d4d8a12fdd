import { BadRequestException, CallHandler, ConflictException, ExecutionContext, Inject, Injectable, NestInterceptor, Optional, ServiceUnavailableException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, Observable, switchMap } from 'rxjs';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { errorBody } from '../errors/error-body';
import { HeaderResponse } from './command-response';
import { READ_MODELS_FRESHNESS, READ_SOURCE, ReadModelsFreshness, ReadSource } from './read-after-position';

/** Seconds a client is told to wait before asking again when the read models are behind. */
export const MIN_POSITION_RETRY_AFTER_S = 1;
const DIGITS = /^\d{1,16}$/;

/** `minPosition` as sent (a query string value): a non-negative integer, else a 400 naming /minPosition. */
export function parseMinPosition(raw: unknown): number {
  const position = typeof raw === 'string' && DIGITS.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(position)) {
    const message = `must be one non-negative integer (a global position, as a write's "position" answers it), got ${JSON.stringify(raw)}`;
    throw new BadRequestException(errorBody(400, `Invalid request query: /minPosition ${message}`, [{ location: 'query', path: '/minPosition', message }]));
  }
  return position;
}

/**
 * Applies `?minPosition=` on the routes marked with @ReadAfterPosition, before their handler
 * runs (and before its query DTO is validated: the parameter is taken out of the query, so no
 * route's DTO has to list it):
 * - not a non-negative integer: 400 naming /minPosition;
 * - beyond the event store's head: 409 `position-beyond-head` at once. Waiting cannot help: every
 *   position a write answers is at or below the head from the moment it answers, so this one was
 *   not handed out by this store (another deployment, a typo);
 * - a `read-models` route whose read models have not reached it within the configured wait:
 *   503 `read-models-behind` with Retry-After (they are catching up: ask again).
 * The refusals name the requested position, the read models' `upToPosition` and the store's head.
 */
@Injectable()
export class MinPositionInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(EVENT_STORE) private readonly store?: EventStore,
    @Optional() @Inject(READ_MODELS_FRESHNESS) private readonly freshness?: ReadModelsFreshness,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const source = this.reflector.getAllAndOverride<ReadSource | undefined>(READ_SOURCE, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<{ query?: Record<string, unknown> }>();
    if (!source || !request.query || !Object.hasOwn(request.query, 'minPosition')) return next.handle();
    const raw = request.query.minPosition;
    delete request.query.minPosition;
    const position = parseMinPosition(raw);
    return from(this.awaitPosition(position, source, context.switchToHttp().getResponse<HeaderResponse>())).pipe(switchMap(() => next.handle()));
  }

  private async awaitPosition(position: number, source: ReadSource, response: HeaderResponse): Promise<void> {
    const head = this.store ? await this.store.headPosition() : Number.MAX_SAFE_INTEGER;
    const readModels = source === 'read-models' ? this.freshness : undefined;
    if (position > head) {
      const upToPosition = readModels ? await readModels.current() : head;
      const message = `minPosition ${position} is beyond the event store's head (${head}): no write of this store answered it`;
      throw new ConflictException({ ...errorBody(409, message, undefined, 'position-beyond-head'), minPosition: position, headPosition: head, upToPosition });
    }
    if (!readModels) return;
    const { reached, upToPosition } = await readModels.reach(position, readModels.waitMs);
    if (reached) return;
    response.header('Retry-After', String(MIN_POSITION_RETRY_AFTER_S));
    const message = `the read models have not reached position ${position} within ${readModels.waitMs} ms (they are at ${upToPosition}, the store's head is ${head}); ask again shortly`;
    throw new ServiceUnavailableException({ ...errorBody(503, message, undefined, 'read-models-behind'), minPosition: position, headPosition: head, upToPosition });
  }
}
