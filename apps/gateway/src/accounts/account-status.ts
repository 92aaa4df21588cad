import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ActorContext } from '@firstset/messaging';
import { AuditRecorder, Clock, notFound, PRISMA } from '@firstset/service-kit';
import { TokenRevocations } from '../auth/token-revocations';
import { Prisma } from '../generated/prisma/client';
import { Db } from '../prisma';

/**
 * Disables or enables an account within what the caller administers (`scope`: the enterprise's
 * users, a prefecture's officers). Disabling also revokes the tokens the account holds, so it stops
 * working at once and not when its tokens expire; an account outside the scope is answered as
 * missing, so ids cannot be probed. Audited as `<action>.disable` / `<action>.enable`.
 */
@Injectable()
export class AccountStatus {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
    private readonly revocations: TokenRevocations,
  ) {}

  async setDisabled(
    req: Request & { id: string },
    actor: ActorContext,
    target: { id: string; scope: Prisma.AccountWhereInput; action: string },
    disabled: boolean,
  ) {
    const revokedAt = disabled ? this.clock.now() : null;
    const updated = await this.db.$transaction(async (tx) => {
      const { count } = await tx.account.updateMany({
        where: { ...target.scope, id: target.id },
        data: revokedAt ? { disabled, tokensRevokedAt: revokedAt } : { disabled },
      });
      if (count !== 1) throw notFound('account');
      await this.audit.record(tx, { requestId: req.id, actor }, {
        action: `${target.action}.${disabled ? 'disable' : 'enable'}`,
        objectType: 'account',
        objectId: target.id,
        outcome: 'succeeded',
      });
      return (await tx.account.findUnique({ where: { id: target.id } }))!;
    });
    if (revokedAt) this.revocations.revoked(target.id, revokedAt);
    return updated;
  }
}
