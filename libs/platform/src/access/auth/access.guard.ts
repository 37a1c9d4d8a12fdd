import { ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Role } from '../domain/access.events';
import { IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { Principal } from './principal';

/**
 * Global guard: every route needs a valid bearer credential unless marked @Public(), and its
 * role must be one the route's @Roles() lists. A route with no @Roles() is admin-only, so a
 * forgotten decorator fails closed.
 */
@Injectable()
export class AccessGuard extends AuthGuard('bearer') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    const principal = context.switchToHttp().getRequest<{ user?: Principal }>().user;
    if (!principal) throw new UnauthorizedException('a valid bearer credential is required');
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? ['admin'];
    if (!roles.includes(principal.role)) {
      throw new ForbiddenException(`role ${principal.role} may not call this endpoint (allowed: ${roles.join(', ')})`);
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error || !user) throw new UnauthorizedException('a valid bearer credential is required');
    return user;
  }
}
