import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '../domain/access.events';
import { AccessRegistry } from './access-registry';
import { IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { bearerTokenOf } from './bearer-token';
import { Principal } from './principal';

interface GuardedRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: Principal;
}

/**
 * Global guard: every route needs a valid bearer credential in the `Authorization` header (and
 * only there) unless marked @Public(), and its role must be one the route's @Roles() lists. A
 * route with no @Roles() is admin-only, so a forgotten decorator fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly registry: AccessRegistry,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const token = bearerTokenOf(request.headers.authorization);
    const principal = token === undefined ? null : await this.registry.authenticate(token);
    if (!principal) throw new UnauthorizedException('a valid bearer credential is required in the Authorization header');
    request.user = principal;
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? ['admin'];
    if (!roles.includes(principal.role)) {
      throw new ForbiddenException(`role ${principal.role} may not call this endpoint (allowed: ${roles.join(', ')})`);
    }
    return true;
  }
}
