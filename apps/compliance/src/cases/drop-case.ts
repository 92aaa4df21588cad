import { Injectable } from '@nestjs/common';
import type { ComplianceCaseViewV1 } from '@firstset/contracts';
import { DropComplianceCaseV1 } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { caseForChange, saveCase } from './case-store';
import { toCaseView } from './case-view';
import { announceInterimMeasure } from './interim-measure';

/** A case dropped before its decision, with the reason; its interim measure ends the same day (ADR 0026). */
@Injectable()
export class DropCase {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  execute(input: DropComplianceCaseV1, meta: MessageMeta): Promise<ComplianceCaseViewV1> {
    const actor = requireActor(meta, ['department_officer']);
    const spec = { action: 'compliance-case.drop', objectType: 'compliance_case', objectId: input.caseId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const today = toShanghaiDate(now);
      const c = await caseForChange(tx, input.caseId, input.expectedVersion, ['opened', 'notified', 'statement_received']);
      const saved = await saveCase(tx, c, {
        status: 'dropped',
        outcome: 'dropped',
        reasons: input.reason,
        decisionDate: today,
        decidedBy: actor.userId,
        interimEndedOn: c.interimMeasure ? today : null,
      });
      await announceInterimMeasure(this.outbox, tx, saved, 'ended', today, now, meta);
      return { result: toCaseView(saved), detail: { reason: input.reason } };
    });
  }
}
