import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import { GatewayConfig } from '../config';
import { TooManyRequests } from './too-many-requests';

/**
 * Limits per signed-in user (a whole government office may sit behind one address), per client
 * address for anonymous calls, and stricter per-address limits on sign-in attempts and on lodging
 * objections anonymously (5 an hour by default).
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
/** Lodging an objection (anonymous, ADR 0025): its attachments and the follow page are not counted here. */
const isObjectionLodging = (ctx: ExecutionContext) => {
  const req = ctx.switchToHttp().getRequest<{ path?: string; method?: string }>();
  return req.method === 'POST' && req.path === '/api/public/objections';
};

export function throttlerOptions(config: GatewayConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: 'default', ttl: 60_000, limit: config.rateLimitPerMinute },
      { name: 'login', ttl: 60_000, limit: config.loginRateLimitPerMinute, skipIf: (ctx) => !isLogin(ctx) },
      { name: 'objections', ttl: 3_600_000, limit: config.objectionRateLimitPerHour, skipIf: (ctx) => !isObjectionLodging(ctx) },
    ],
  };
}
