import { Injectable } from '@nestjs/common';
import type { ComplianceCaseViewV1 } from '@firstset/contracts';
import { DecideComplianceCaseV1 } from '@firstset/contracts';
import { CaseStatus, checkCaseDecision, SanctionMeasure, toShanghaiDate } from '@firstset/domain';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { ComplianceErrors } from '../compliance.errors';
import { decisionDateOf } from '../decision-date';
import { Tx } from '../prisma';
import { SanctionImposer } from '../registry/impose-sanctions';
import { caseForChange, saveCase } from './case-store';
import { toCaseView } from './case-view';
import { announceInterimMeasure } from './interim-measure';

/**
 * The Department decides a heard case with reasons (ADR 0026; M10.2, M10.3, M11.2): only once the
 * party stated its case or its deadline passed, and only the measure it was told of, or none. A
 * sanction goes into the registry with its decision notice; an interim measure ends with the case.
 */
@Injectable()
export class DecideCase {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly imposer: SanctionImposer,
  ) {}

  execute(input: DecideComplianceCaseV1, meta: MessageMeta): Promise<ComplianceCaseViewV1> {
    const actor = requireActor(meta, ['department_officer']);
    const spec = { action: 'compliance-case.decide', objectType: 'compliance_case', objectId: input.caseId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const today = toShanghaiDate(now);
      const decisionDate = decisionDateOf(input.decisionDate, now);
      const c = await caseForChange(tx, input.caseId, input.expectedVersion, ['notified', 'statement_received']);
      if (c.notifiedOn && decisionDate < c.notifiedOn) throw ComplianceErrors.decisionBeforeNotice(decisionDate, c.notifiedOn);
      const sanction = input.outcome === 'sanction' ? (c.intendedMeasure as SanctionMeasure) : null;
      domainRule(() => checkCaseDecision({ status: c.status as CaseStatus, intendedMeasure: c.intendedMeasure as SanctionMeasure, statementDeadline: c.statementDeadline as never }, today, { sanction }));
      if (sanction) await this.imposer.impose(tx, c, { reasons: input.reasons, decisionDate, notifiedOn: today, decidedBy: actor.userId, at: now }, meta);
      const saved = await saveCase(tx, c, {
        status: 'decided',
        outcome: input.outcome,
        reasons: input.reasons,
        decisionDate,
        decidedBy: actor.userId,
        interimEndedOn: c.interimMeasure ? today : null,
      });
      await announceInterimMeasure(this.outbox, tx, saved, 'ended', today, now, meta);
      return { result: toCaseView(saved), detail: { outcome: input.outcome, decisionDate, sanctions: saved.sanctions.length } };
    });
  }
}
