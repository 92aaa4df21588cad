import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { expertDisqualification } from '@firstset/domain';
import { DisqualifyExpertV1, ExpertDisqualified, LookupExpert } from '@firstset/contracts';
import { MessageMeta, Outbox, ServiceQueries } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { ComplianceErrors } from '../compliance.errors';
import { decisionDateOf } from '../decision-date';
import { Tx } from '../prisma';
import { ExpertDisqualificationView, toExpertDisqualificationView } from './sanction-views';

/** M11.2: an expert who leaked secrets or took an applicant's results is disqualified, with no term. */
@Injectable()
export class DisqualifyExpert {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly queries: ServiceQueries,
  ) {}

  async execute(input: DisqualifyExpertV1, meta: MessageMeta): Promise<ExpertDisqualificationView> {
    const actor = requireActor(meta, ['department_officer']);
    // A disqualification of an expert expert management does not know is refused, nothing recorded (ADR 0019).
    const subject = await this.queries.ask(LookupExpert, { expertId: input.expertId }, meta);
    if (!subject.known) throw ComplianceErrors.expertUnknown();
    const id = randomUUID();
    const spec = { action: 'expert.disqualify', objectType: 'expert', objectId: input.expertId };
    return this.commands.run(meta, spec, async (tx) => {
      const decisionDate = decisionDateOf(input.decisionDate, this.clock.now());
      const ban = expertDisqualification(input.expertId, decisionDate);
      const row = await tx.expertDisqualification.create({
        data: {
          id,
          expertId: input.expertId,
          misconduct: input.misconduct,
          detail: input.detail,
          decisionDate: ban.decisionDate,
          decidedBy: actor.userId,
        },
      });
      // Expert management marks the expert and refuses to assign them from now on.
      await this.outbox.append(tx, ExpertDisqualified, { disqualificationId: id, expertId: row.expertId, decisionDate: row.decisionDate }, meta);
      return { result: toExpertDisqualificationView(row), detail: { disqualificationId: id } };
    });
  }
}
