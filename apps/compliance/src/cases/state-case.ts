import { Injectable } from '@nestjs/common';
import type { ComplianceCaseViewV1 } from '@firstset/contracts';
import { StateComplianceCaseV1 } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { ComplianceErrors } from '../compliance.errors';
import { Tx } from '../prisma';
import { isCaseParty } from './case-party';
import { CASE_INCLUDE, toCaseView } from './case-view';
import { saveCase } from './case-store';

/**
 * The party states its case (陈述、申辩) or waives it, once, until its deadline; an officer records
 * a statement received otherwise (on paper, at a hearing) until the decision (ADR 0026). Anyone
 * else, or a party before it was notified, gets 404: the case is not theirs to see.
 */
@Injectable()
export class StateCase {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: StateComplianceCaseV1, meta: MessageMeta): Promise<ComplianceCaseViewV1> {
    const actor = requireActor(meta, ['department_officer', 'enterprise', 'institution_staff', 'expert']);
    const spec = { action: 'compliance-case.state', objectType: 'compliance_case', objectId: input.caseId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const c = await tx.complianceCase.findUnique({ where: { id: input.caseId }, include: CASE_INCLUDE });
      const officer = actor.role === 'department_officer';
      if (!c || (!officer && (!isCaseParty(actor, c) || c.status === 'opened'))) throw ComplianceErrors.caseNotFound();
      if (c.status !== 'notified') throw ComplianceErrors.caseStatus(c.status, 'notified');
      if (!officer && c.statementDeadline && toShanghaiDate(now) > c.statementDeadline) throw ComplianceErrors.statementTooLate(c.statementDeadline);
      const saved = await saveCase(tx, c, {
        status: 'statement_received',
        statement: input.waived ? null : (input.statement ?? null),
        statementWaived: !!input.waived,
        statementAt: now,
        statementBy: actor.userId,
        statementByRole: actor.role,
      });
      return { result: toCaseView(saved), detail: { waived: !!input.waived, by: actor.role } };
    });
  }
}
