import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ActorContext, ServiceError } from '@firstset/messaging';
import { AuditRecorder, Clock, notFound, PRISMA } from '@firstset/service-kit';
import { hashPassword } from '../auth/password-hasher';
import { assertPasswordPolicy } from '../auth/password-policy';
import { TokenRevocations } from '../auth/token-revocations';
import { Prisma } from '../generated/prisma/client';
import { Db } from '../prisma';

/**
 * Accounts that someone else administers (an enterprise's users, a prefecture's officers): created
 * with a password by the policy, to be changed at the first sign-in, and disabled or enabled within
 * the administrator's scope. Audited as `<action>.create`, `<action>.disable`, `<action>.enable`.
 */
@Injectable()
export class AccountAdmin {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
    private readonly revocations: TokenRevocations,
  ) {}

  /** Creates the account; `fields` are the role and what binds it (enterprise, prefecture). */
  async create(
    req: Request & { id: string },
    actor: ActorContext,
    body: { username: string; displayName: string; password: string },
    fields: Omit<Prisma.AccountUncheckedCreateInput, 'id' | 'username' | 'displayName' | 'passwordHash' | 'mustChangePassword'>,
    audit: { action: string; detail: Record<string, unknown> },
  ) {
    assertPasswordPolicy(body.password, body.username);
    const passwordHash = await hashPassword(body.password);
    return this.db.$transaction(async (tx) => {
      if (await tx.account.findUnique({ where: { username: body.username } })) {
        throw new ServiceError('USERNAME_TAKEN', 409, '用户名已被使用 / The username is taken');
      }
      const account = await tx.account.create({
        data: {
          ...fields,
          id: randomUUID(),
          username: body.username,
          displayName: body.displayName,
          passwordHash,
          // Created by someone else: the user chooses their own password at the first sign-in.
          mustChangePassword: true,
        },
      });
      await this.audit.record(tx, { requestId: req.id, actor }, {
        action: `${audit.action}.create`,
        objectType: 'account',
        objectId: account.id,
        outcome: 'succeeded',
        detail: audit.detail,
      });
      return account;
    });
  }

  /**
   * Disables or enables an account within `scope`. Disabling also revokes the tokens the account
   * holds, so it stops working at once and not when its tokens expire; an account outside the scope
   * is answered as missing, so ids cannot be probed.
   */
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
