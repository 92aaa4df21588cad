import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from '@firstset/service-kit';
import { Db } from '../prisma';

export const MAX_FAILED = 5;
export const LOCK_MS = 15 * 60_000;
/** Counters of names without a recent failure are forgotten (unknown names would pile up). */
const FORGET_AFTER_MS = 24 * 3600_000;

/**
 * Failed sign-ins counted per username, whether an account has that name or not: five failures
 * lock the name for 15 minutes, and the answer is the same for an existing and an unknown name
 * (issue 14: the lockout must not reveal which accounts exist).
 */
@Injectable()
export class SignInFailures {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async lockedUntil(username: string, now: Date): Promise<Date | null> {
    const row = await this.db.signInFailure.findUnique({ where: { username } });
    return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
  }

  /** Counts a failure; the instant the name is locked until when this one locks it, else null. */
  async record(username: string, now: Date): Promise<Date | null> {
    const row = await this.db.signInFailure.upsert({
      where: { username },
      create: { username, failed: 1, lastFailedAt: now },
      update: { failed: { increment: 1 }, lastFailedAt: now },
    });
    await this.db.signInFailure.deleteMany({
      where: { lastFailedAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    });
    if (row.failed < MAX_FAILED) return null;
    const lockedUntil = new Date(now.getTime() + LOCK_MS);
    await this.db.signInFailure.update({ where: { username }, data: { failed: 0, lockedUntil } });
    return lockedUntil;
  }

  async clear(username: string): Promise<void> {
    await this.db.signInFailure.deleteMany({ where: { username } });
  }
}
