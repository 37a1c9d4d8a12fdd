import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role } from '../domain/access.events';
import { Principal } from './principal';

export const IS_PUBLIC = 'access:public';
export const ROLES_KEY = 'access:roles';

/** The route needs no credential (health, metrics, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only credentials with one of these roles may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated Principal of the request. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<{ user: Principal }>().user;
});
