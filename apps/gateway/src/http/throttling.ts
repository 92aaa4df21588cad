import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Response } from 'express';
import { GatewayConfig } from '../config';

/**
 * Limits per signed-in user (a whole government office may sit behind one address), per client
 * address for anonymous calls, and a stricter per-address limit on sign-in attempts.
 */
@Injectable()
export class UserThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const actor = req.actor as { userId?: string } | undefined;
    return actor?.userId ? `user:${actor.userId}` : `ip:${String(req.ip)}`;
  }

  /** The standard Retry-After header, whichever limit was hit (the library names it per limit). */
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    return super.throwThrottlingException(context, detail);
  }
}

const isLogin = (ctx: ExecutionContext) => ctx.switchToHttp().getRequest<{ path?: string }>().path === '/api/auth/login';

export function throttlerOptions(config: GatewayConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: 'default', ttl: 60_000, limit: config.rateLimitPerMinute },
      { name: 'login', ttl: 60_000, limit: config.loginRateLimitPerMinute, skipIf: (ctx) => !isLogin(ctx) },
    ],
  };
}
