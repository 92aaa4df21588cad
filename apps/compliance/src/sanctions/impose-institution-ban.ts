import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { institutionBan, PolicyProfileRegistry } from '@firstset/domain';
import { ImposeInstitutionBanV1, InstitutionBanImposed, LookupInstitution } from '@firstset/contracts';
import { MessageMeta, Outbox, ServiceQueries } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { ComplianceErrors } from '../compliance.errors';
import { decisionDateOf } from '../decision-date';
import { Tx } from '../prisma';
import { InstitutionBanView, toInstitutionBanView } from './sanction-views';

/**
 * M10.3: after a major error the third-party institution may not take part in recognition work
 * for the profile's years, from the decision date to the corresponding day, both included.
 */
@Injectable()
export class ImposeInstitutionBan {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
    private readonly queries: ServiceQueries,
  ) {}

  async execute(input: ImposeInstitutionBanV1, meta: MessageMeta): Promise<InstitutionBanView> {
    const actor = requireActor(meta, ['department_officer']);
    // A ban on an institution expert management does not know is refused, nothing recorded (ADR 0019).
    const subject = await this.queries.ask(LookupInstitution, { institutionId: input.institutionId, uscc: input.institutionUscc }, meta);
    if (!subject.known) throw ComplianceErrors.institutionUnknown();
    const id = randomUUID();
    const spec = { action: 'institution-ban.impose', objectType: 'institution', objectId: input.institutionId };
    return this.commands.run(meta, spec, async (tx) => {
      const decisionDate = decisionDateOf(input.decisionDate, this.clock.now());
      // M15: a ban belongs to no batch; the profile in force on the decision date sets its years.
      const profile = domainRule(() => this.profiles.inForceOn(decisionDate));
      const ban = institutionBan(input.institutionUscc, decisionDate, profile);
      const row = await tx.institutionBan.create({
        data: {
          id,
          institutionId: input.institutionId,
          institutionUscc: input.institutionUscc,
          error: input.error,
          decisionDate,
          startsOn: ban.from,
          endsOn: ban.until!, // an institution ban always has an end (M10.3)
          decidedBy: actor.userId,
        },
      });
      // Expert management keeps the ban in its institution records and refuses to commission it.
      await this.outbox.append(
        tx,
        InstitutionBanImposed,
        { banId: id, institutionId: row.institutionId, institutionUscc: row.institutionUscc, startsOn: row.startsOn, endsOn: row.endsOn },
        meta,
      );
      return { result: toInstitutionBanView(row), detail: { banId: id, endsOn: row.endsOn } };
    });
  }
}
