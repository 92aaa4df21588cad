import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import { GatewayConfig } from '../config';
import { TooManyRequests } from './too-many-requests';

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

  /**
   * When to try again, whichever limit was hit (the library's own header is named per limit): the
   * problem details carry it and the filter sets the standard Retry-After header from them.
   */
  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new TooManyRequests(Math.max(1, Math.ceil(detail.timeToBlockExpire)));
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
