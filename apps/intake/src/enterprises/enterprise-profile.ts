import type { EnterpriseProfileViewV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { routeToRecommendingBody } from '@firstset/domain';
import { UpdateEnterpriseProfileV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { CommandRunner, PRISMA, requireActor } from '@firstset/service-kit';
import { Enterprise, Prisma } from '../generated/prisma/client';
import { IntakeErrors } from '../intake.errors';
import { Db, Tx } from '../prisma';

const PROFILE_KEYS = ['legalRepresentative', 'contacts', 'rdTeam', 'ipRights', 'trademarks'] as const;

export type EnterpriseProfileView = EnterpriseProfileViewV1;

function toView(e: Enterprise): EnterpriseProfileView {
  return {
    uscc: e.uscc,
    name: e.name,
    registeredAddress: e.registeredAddress,
    addressDivisionCode: e.addressDivisionCode,
    prefectureId: e.prefectureId,
    prefectureName: routeToRecommendingBody(e.addressDivisionCode).nameZh,
    usccCheckOk: e.usccCheckOk,
    profile: (e.profile ?? {}) as Record<string, unknown>,
    profileRevision: e.profileRevision,
  };
}

/**
 * The enterprise profile beyond registration (legal representative, contacts, R&D team, IP,
 * trademarks; M5.2, M5.3). Registration (credit code, address, recommending body) stays with
 * RegisterEnterprise and its rules; this only adds the rest, with optimistic concurrency.
 */
@Injectable()
export class EnterpriseProfile {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly commands: CommandRunner<Tx>,
  ) {}

  async get(meta: MessageMeta): Promise<EnterpriseProfileView> {
    const actor = requireActor(meta, ['enterprise']);
    const e = await this.db.enterprise.findUnique({ where: { uscc: actor.enterpriseUscc! } });
    if (!e) throw IntakeErrors.enterpriseNotRegistered();
    return toView(e);
  }

  update(input: UpdateEnterpriseProfileV1, meta: MessageMeta): Promise<EnterpriseProfileView> {
    const actor = requireActor(meta, ['enterprise']);
    const spec = { action: 'enterprise.update-profile', objectType: 'enterprise', objectId: actor.enterpriseUscc };
    return this.commands.run(meta, spec, async (tx) => {
      const e = await tx.enterprise.findUnique({ where: { uscc: actor.enterpriseUscc! } });
      if (!e) throw IntakeErrors.enterpriseNotRegistered();
      if (e.profileRevision !== input.expectedRevision) throw IntakeErrors.staleRevision(e.profileRevision);
      const profile: Record<string, unknown> = { ...((e.profile ?? {}) as Record<string, unknown>) };
      const changed: string[] = [];
      for (const key of PROFILE_KEYS) {
        const value = input[key];
        if (value === undefined) continue;
        changed.push(key);
        if (value === null) delete profile[key];
        else profile[key] = value;
      }
      const { count } = await tx.enterprise.updateMany({
        where: { uscc: e.uscc, profileRevision: input.expectedRevision },
        data: { profile: profile as Prisma.InputJsonValue, profileRevision: { increment: 1 } },
      });
      if (count !== 1) throw IntakeErrors.staleRevision(e.profileRevision + 1);
      // Personal data (names, phones) stays out of the audit detail: only which parts changed.
      return { result: toView({ ...e, profile: profile as Prisma.JsonValue, profileRevision: e.profileRevision + 1 }), detail: { changed } };
    });
  }
}
