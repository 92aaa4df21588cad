import { Inject, Injectable } from '@nestjs/common';
import { PRISMA, SERVICE_CONFIG } from '@firstset/service-kit';
import { GatewayConfig } from '../config';
import { Db } from '../prisma';
import { actorOf, pendingSteps } from './account-security';
import { IdentityProvider, LoginResult } from './identity-provider';
import { dummyHash, verifyPassword } from './password-hasher';
import { SignInFailures } from './sign-in-failures';
import { matchTotp } from './totp';

/**
 * Built-in accounts in the gateway's schema. Every attempt costs one scrypt verification, whether
 * the name exists, is disabled or locked, so that neither the answer nor its time tells them apart;
 * failures count per name (SignInFailures). An account with a second factor needs its code too.
 */
@Injectable()
export class LocalAccountsProvider extends IdentityProvider {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    private readonly failures: SignInFailures,
  ) {
    super();
  }

  async login(username: string, password: string, totpCode: string | undefined, now: Date): Promise<LoginResult> {
    const [account, lockedUntil] = await Promise.all([this.db.account.findUnique({ where: { username } }), this.failures.lockedUntil(username, now)]);
    const passwordOk = await verifyPassword(password, account?.passwordHash ?? (await dummyHash()));
    if (lockedUntil) return { ok: false, reason: 'locked', lockedUntil };
    if (!account || account.disabled || !passwordOk) return this.failed(username, now, 'invalid_credentials');
    if (account.totpSecret) {
      if (!totpCode) return { ok: false, reason: 'totp_required' };
      const step = matchTotp(account.totpSecret, totpCode, now.getTime(), account.totpLastStep);
      if (step === null) return this.failed(username, now, 'invalid_totp');
      // Only a later step may be recorded: two sign-ins racing with one code, one of them wins.
      const { count } = await this.db.account.updateMany({
        where: { id: account.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
        data: { totpLastStep: step },
      });
      if (count !== 1) return this.failed(username, now, 'invalid_totp');
    }
    await this.failures.clear(username);
    return { ok: true, actor: actorOf(account), pending: pendingSteps(account, this.config) };
  }

  private async failed(username: string, now: Date, reason: 'invalid_credentials' | 'invalid_totp'): Promise<LoginResult> {
    const lockedUntil = await this.failures.record(username, now);
    return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason };
  }
}
