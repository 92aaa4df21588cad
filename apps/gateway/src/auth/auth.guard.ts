import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ServiceError } from '@firstset/messaging';
import { ALLOW_PENDING, IS_PUBLIC, ROLES } from './auth.decorators';
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
    const verified = token ? await this.tokens.verify(token) : null;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      // A public route (the registry) sees a restricted token as no token.
      if (verified && !verified.pending.length) req.actor = verified.actor;
      return true;
    }
    if (!verified) {
      throw new ServiceError(
        'UNAUTHENTICATED',
        401,
        '请先登录或重新登录 / Sign in (again) to continue',
        token ? 'the token is invalid, expired or revoked' : 'no bearer token',
      );
    }
    if (verified.pending.length && !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING, targets)) {
      const password = verified.pending.includes('password_change');
      throw new ServiceError(
        password ? 'PASSWORD_CHANGE_REQUIRED' : 'TOTP_ENROLMENT_REQUIRED',
        403,
        password
          ? '请先修改初始密码 / Choose a new password before anything else'
          : '请先启用动态验证码（双因素认证） / Enrol a second factor (TOTP) before anything else',
        `pending: ${verified.pending.join(', ')}`,
      );
    }
    const actor = verified.actor;
    req.actor = actor;
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw new ServiceError('FORBIDDEN_ROLE', 403, '当前角色无权执行此操作 / Your role may not do this', `role ${actor.role}`);
    }
    return true;
  }
}
