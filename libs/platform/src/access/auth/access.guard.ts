import { CanActivate, ExecutionContext, ForbiddenException, HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../../errors/error-body';
import { Role } from '../domain/access.events';
import { AccessRegistry } from './access-registry';
import { AuthFailureLimiter } from './auth-failure-limiter';
import { IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { bearerTokenOf } from './bearer-token';
import { Principal } from './principal';

type GuardedRequest = FastifyRequest & { user?: Principal };

/**
 * Global guard: every route needs a valid bearer credential in the `Authorization` header (and
 * only there) unless marked @Public(), and its role must be one the route's @Roles() lists. A
 * route with no @Roles() is admin-only, so a forgotten decorator fails closed. A client IP that
 * fails authentication too often is answered 429 for a while (see AuthFailureLimiter).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly registry: AccessRegistry,
    private readonly limiter: AuthFailureLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const blocked = this.limiter.blockedFor(request);
    if (blocked > 0) throw tooManyFailures(reply, blocked);
    const token = bearerTokenOf(request.headers.authorization);
    const principal = token === undefined ? null : await this.registry.authenticate(token);
    if (!principal) {
      const nowBlocked = await this.limiter.recordFailure(request);
      if (nowBlocked > 0) throw tooManyFailures(reply, nowBlocked);
      throw new UnauthorizedException('a valid bearer credential is required in the Authorization header');
    }
    request.user = principal;
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? ['admin'];
    if (!roles.includes(principal.role)) {
      throw new ForbiddenException(`role ${principal.role} may not call this endpoint (allowed: ${roles.join(', ')})`);
    }
    return true;
  }
}

function tooManyFailures(reply: FastifyReply, blockedMs: number): HttpException {
  const seconds = Math.max(1, Math.ceil(blockedMs / 1000));
  reply.header('Retry-After', String(seconds));
  const message = `too many failed authentications from this address; retry after ${seconds} s`;
  return new HttpException(errorBody(HttpStatus.TOO_MANY_REQUESTS, message, undefined, 'auth-rate-limited'), HttpStatus.TOO_MANY_REQUESTS);
}
