import { Controller } from '@nestjs/common';
import { SANCTION_MEASURE_LABELS } from '@firstset/domain';
import { CompliancePartyNotified, CompliancePartyNotifiedV1 } from '@firstset/contracts';
import { Consumes, MessageMeta } from '@firstset/messaging';
import { Tx } from '../prisma';
import { notify } from './notify';

/**
 * The Department told an enterprise of an intended measure against its recognition (告知; ADR 0026):
 * the enterprise hears of it in its inbox, by SMS and e-mail, with its deadline to state its case,
 * and reads the whole notice under 处理告知. Cases against an institution or an expert reach
 * them in their own consoles only (they have no inbox).
 */
@Controller()
export class ComplianceNoticesConsumer {
  @Consumes(CompliancePartyNotified, { durable: 'intake-compliance-party-notified' })
  async notified(e: CompliancePartyNotifiedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    if (!e.applicationId || !e.subjectUscc) return;
    const app = await tx.application.findUnique({ where: { id: e.applicationId }, select: { id: true } });
    if (!app) return; // a recognition carried over from before the platform: no application to file it under
    const label = SANCTION_MEASURE_LABELS[e.measure];
    await notify(tx, {
      enterpriseUscc: e.subjectUscc,
      applicationId: app.id,
      kind: 'compliance_notice',
      body:
        `${e.caseNo}：自治区工业和信息化厅拟对你单位作出「${label.zh}」的处理。请于 ${e.statementDeadline}（含当日）前在“处理告知”中提交陈述、申辩意见，逾期视为放弃。` +
        ` / ${e.caseNo}: the Department intends to impose "${label.en}". State your case under "Compliance notices" by ${e.statementDeadline} (included); after it, you are taken to have waived it.`,
      occurredAt: new Date(e.notifiedAt),
      sourceEventId: meta.eventId!,
    });
  }
}
