import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Clock, PRISMA, SERVICE_CONFIG } from '@firstset/service-kit';
import { GatewayConfig } from '../config';
import { Db } from '../prisma';

/**
 * Which users' tokens were revoked, and up to when: an account disabled by its enterprise's
 * administrator, or a user who signed out everywhere, loses every token issued before that instant.
 * Tokens are stateless, so each gateway replica keeps the recent revocations in memory, reloads them
 * every `revocationPollMs` (a replica that did not make the change learns of it within that time) and
 * applies its own at once. Only revocations younger than the token lifetime matter: older tokens
 * have expired anyway.
 */
@Injectable()
export class TokenRevocations implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TokenRevocations');
  private revokedAtMs = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => {
      void this.reload().catch((err: Error) => this.logger.warn(`token revocations not reloaded: ${err.message}`));
    }, this.config.revocationPollMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** True when the user's tokens issued at `issuedAtMs` or before were revoked. */
  isRevoked(userId: string, issuedAtMs: number): boolean {
    const at = this.revokedAtMs.get(userId);
    return at !== undefined && issuedAtMs <= at;
  }

  /** Records a revocation this replica just committed, so that it applies before the next reload. */
  revoked(userId: string, at: Date): void {
    const known = this.revokedAtMs.get(userId) ?? 0;
    this.revokedAtMs.set(userId, Math.max(known, at.getTime()));
  }

  async reload(): Promise<void> {
    const since = new Date(this.clock.now().getTime() - this.config.tokenTtlSeconds * 1000 - 60_000);
    const rows = await this.db.account.findMany({
      where: { tokensRevokedAt: { gt: since } },
      select: { id: true, tokensRevokedAt: true },
    });
    const next = new Map<string, number>();
    for (const r of rows) next.set(r.id, r.tokensRevokedAt!.getTime());
    // A revocation applied locally but not yet visible to this read (it cannot be: it committed
    // first) would be lost here; keep the larger of the two anyway.
    for (const [id, at] of this.revokedAtMs) if (at > since.getTime()) next.set(id, Math.max(at, next.get(id) ?? 0));
    this.revokedAtMs = next;
  }
}
