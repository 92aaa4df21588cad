import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { RoleName } from '@firstset/contracts';
import type { ActorContext } from '@firstset/messaging';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';
export const ALLOW_PENDING = 'auth:allow-pending';

/** The route needs no token (login, the public registry, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The route serves a token whose account still has to change its password or enrol a second
 * factor (the account's own security routes); every other route refuses such a token.
 */
export const AllowPending = () => SetMetadata(ALLOW_PENDING, true);

/** The roles that may call the route; the owning service checks again on the actor it receives. */
export const Roles = (...roles: RoleName[]) => SetMetadata(ROLES, roles);

export const CurrentActor = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): ActorContext | undefined => ctx.switchToHttp().getRequest().actor,
);
