import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ServiceError } from '@firstset/messaging';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import { TokenService } from './token.service';

/** Every route needs a valid bearer token unless marked @Public; @Roles narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<Request & { actor?: unknown }>();
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const actor = token ? await this.tokens.verify(token) : null;
    if (actor) req.actor = actor;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (!actor) {
      throw new ServiceError(
        'UNAUTHENTICATED',
        401,
        '请先登录或重新登录 / Sign in (again) to continue',
        token ? 'the token is invalid, expired or revoked' : 'no bearer token',
      );
    }
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw new ServiceError('FORBIDDEN_ROLE', 403, '当前角色无权执行此操作 / Your role may not do this', `role ${actor.role}`);
    }
    return true;
  }
}
