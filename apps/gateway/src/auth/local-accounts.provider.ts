import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '@firstset/service-kit';
import { Db } from '../prisma';
import { IdentityProvider, LoginResult } from './identity-provider';
import { dummyHash, verifyPassword } from './password-hasher';

const MAX_FAILED = 5;
const LOCK_MS = 15 * 60_000;

/** Built-in accounts in the gateway's schema; five failed logins lock an account for 15 minutes. */
@Injectable()
export class LocalAccountsProvider extends IdentityProvider {
  constructor(@Inject(PRISMA) private readonly db: Db) {
    super();
  }

  async login(username: string, password: string, now: Date): Promise<LoginResult> {
    const account = await this.db.account.findUnique({ where: { username } });
    if (!account) {
      await verifyPassword(password, await dummyHash());
      return { ok: false, reason: 'invalid_credentials' };
    }
    if (account.disabled) return { ok: false, reason: 'disabled' };
    if (account.lockedUntil && account.lockedUntil > now) {
      return { ok: false, reason: 'locked', lockedUntil: account.lockedUntil };
    }
    if (!(await verifyPassword(password, account.passwordHash))) {
      const failed = account.failedLogins + 1;
      const lockedUntil = failed >= MAX_FAILED ? new Date(now.getTime() + LOCK_MS) : null;
      await this.db.account.update({
        where: { id: account.id },
        data: { failedLogins: lockedUntil ? 0 : failed, lockedUntil },
      });
      return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'invalid_credentials' };
    }
    if (account.failedLogins > 0 || account.lockedUntil) {
      await this.db.account.update({ where: { id: account.id }, data: { failedLogins: 0, lockedUntil: null } });
    }
    return {
      ok: true,
      actor: {
        userId: account.id,
        role: account.role,
        displayName: account.displayName,
        ...(account.prefectureId ? { prefectureId: account.prefectureId } : {}),
        ...(account.enterpriseUscc ? { enterpriseUscc: account.enterpriseUscc } : {}),
        ...(account.institutionId ? { institutionId: account.institutionId } : {}),
        ...(account.expertId ? { expertId: account.expertId } : {}),
      },
    };
  }
}
