import { Injectable } from '@nestjs/common';
import type { ComplianceCaseViewV1 } from '@firstset/contracts';
import { CompliancePartyNotified, CompliancePartyNotifiedV1, NotifyCompliancePartyV1 } from '@firstset/contracts';
import { checkStatementDeadline, hearingNoticeText, SanctionMeasure, toShanghaiDate } from '@firstset/domain';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { caseForChange, saveCase } from './case-store';
import { toCaseView } from './case-view';

/**
 * The party is told of the intended measure, the facts and grounds, and until when it may state
 * its case (告知; ADR 0026): at least five days. The notice is kept as sent; the party reads it in
 * its console from now on, and an enterprise also in its inbox (`CompliancePartyNotified`).
 */
@Injectable()
export class NotifyParty {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  execute(input: NotifyCompliancePartyV1, meta: MessageMeta): Promise<ComplianceCaseViewV1> {
    requireActor(meta, ['department_officer']);
    const spec = { action: 'compliance-case.notify', objectType: 'compliance_case', objectId: input.caseId };
    return this.commands.run(meta, spec, async (tx) => {
      const today = toShanghaiDate(this.clock.now());
      const c = await caseForChange(tx, input.caseId, input.expectedVersion, ['opened']);
      const deadline = domainRule(() => checkStatementDeadline(today, input.statementDeadline as never));
      const notice = hearingNoticeText({
        subjectName: c.subjectName,
        measure: c.intendedMeasure as SanctionMeasure,
        grounds: c.grounds,
        facts: c.facts,
        statementDeadline: deadline,
      });
      const hearingNotice = `${notice.zh}\n\n${notice.en}`;
      const saved = await saveCase(tx, c, { status: 'notified', notifiedOn: today, statementDeadline: deadline, hearingNotice });
      const recognition = c.subjectKind === 'recognition' ? await tx.recognition.findUnique({ where: { id: c.subjectId }, select: { applicationId: true } }) : null;
      await this.outbox.append(
        tx,
        CompliancePartyNotified,
        {
          caseId: c.id,
          caseNo: c.caseNo,
          measure: c.intendedMeasure as CompliancePartyNotifiedV1['measure'],
          subjectKind: c.subjectKind as CompliancePartyNotifiedV1['subjectKind'],
          subjectId: c.subjectId,
          subjectUscc: c.subjectUscc,
          applicationId: recognition?.applicationId ?? null,
          statementDeadline: deadline,
          notice: hearingNotice,
          notifiedAt: this.clock.now().toISOString(),
        },
        meta,
      );
      return { result: toCaseView(saved), detail: { statementDeadline: deadline } };
    });
  }
}
