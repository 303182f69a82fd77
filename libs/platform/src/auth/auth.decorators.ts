import { createParamDecorator, CustomDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Principal, Role } from '@imera/auth';
import { ALLOWED_ROLES, IS_PUBLIC } from './auth.tokens';
import { principalOf } from './principal-of-request';

/** The route answers without a token (health, readiness). Use sparingly. */
export const Public = (): CustomDecorator => SetMetadata(IS_PUBLIC, true);

/**
 * Only these roles may call the route (or every route of the controller); others get 403. Without it,
 * any authenticated principal may call.
 */
export const Roles = (...roles: [Role, ...Role[]]): CustomDecorator => SetMetadata(ALLOWED_ROLES, roles);

/** The principal the guard verified; undefined only on a @Public() route. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined => principalOf(context.switchToHttp().getRequest()),
);
