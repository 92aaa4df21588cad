import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import * as C from '@firstset/contracts';
import type { OfficerViewV1 } from '@firstset/contracts';
import { ActorContext } from '@firstset/messaging';
import { PRISMA } from '@firstset/service-kit';
import { ServiceCaller } from '../http/service-caller';
import { Db } from '../prisma';

/**
 * The officers of a prefecture, from the accounts the gateway owns (issue 13 item 9): every
 * enabled officer account, not only those preliminary review has seen at work, plus any officer
 * it knows that has no built-in account (an identity provider's user).
 */
@Injectable()
export class OfficerDirectory {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly services: ServiceCaller,
  ) {}

  async list(req: Request): Promise<OfficerViewV1[]> {
    const actor = (req as Request & { actor: ActorContext }).actor;
    const [accounts, known] = await Promise.all([
      this.db.account.findMany({ where: { role: 'prefecture_officer', prefectureId: actor.prefectureId ?? '\u0000' }, select: { id: true, displayName: true, disabled: true } }),
      this.services.call(req, C.ListPrefectureOfficers, {}),
    ]);
    const seen = new Map(known.map((o) => [o.userId, o]));
    const disabled = new Set(accounts.filter((a) => a.disabled).map((a) => a.id));
    const fromAccounts = accounts.filter((a) => !a.disabled).map((a) => ({ userId: a.id, displayName: a.displayName, lastSeenAt: seen.get(a.id)?.lastSeenAt ?? null }));
    const ids = new Set(fromAccounts.map((o) => o.userId));
    const others = known.filter((o) => !ids.has(o.userId) && !disabled.has(o.userId));
    return [...fromAccounts, ...others].sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '', 'zh-CN') || a.userId.localeCompare(b.userId));
  }

  /** Before a case is assigned: an officer account of the own prefecture becomes known to preliminary review. */
  async makeKnown(req: Request, assigneeId: string): Promise<void> {
    const actor = (req as Request & { actor: ActorContext }).actor;
    const account = await this.db.account.findFirst({
      where: { id: assigneeId, role: 'prefecture_officer', prefectureId: actor.prefectureId ?? '\u0000', disabled: false },
      select: { id: true, displayName: true },
    });
    if (account) await this.services.call(req, C.RegisterPrefectureOfficer, { userId: account.id, displayName: account.displayName });
  }
}
