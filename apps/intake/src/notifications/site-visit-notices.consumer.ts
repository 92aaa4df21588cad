import { Controller } from '@nestjs/common';
import { SITE_VISIT_CONCLUSION_LABELS } from '@firstset/domain';
import {
  SiteVisitCancelled,
  SiteVisitCancelledV1,
  SiteVisitConcluded,
  SiteVisitConcludedV1,
  SiteVisitScheduled,
  SiteVisitScheduledV1,
} from '@firstset/contracts';
import { Consumes, MessageMeta } from '@firstset/messaging';
import { Tx } from '../prisma';
import { notify, NotificationKind } from './notify';

/**
 * The institution's on-site verifications (M8.2), as the enterprise hears of them: the notice of a
 * visit (date, place, what to prepare, how many experts come), its change or cancellation, and
 * its conclusion, after which the enterprise may answer the findings.
 */
@Controller()
export class SiteVisitNoticesConsumer {
  @Consumes(SiteVisitScheduled, { durable: 'intake-site-visit-scheduled' })
  async scheduled(e: SiteVisitScheduledV1, tx: Tx, meta: MessageMeta): Promise<void> {
    await this.tell(tx, meta, e.applicationId, e.revised ? 'site_visit_revised' : 'site_visit_scheduled', e.scheduledAt, (no) =>
      `${no}：专家组（${e.memberCount} 人）将于 ${e.visitOn} 到 ${e.address} 进行现场核查。${e.notice} / ${no}: a panel of ${e.memberCount} will verify on site at ${e.address} on ${e.visitOn}.`,
    );
  }

  @Consumes(SiteVisitCancelled, { durable: 'intake-site-visit-cancelled' })
  async cancelled(e: SiteVisitCancelledV1, tx: Tx, meta: MessageMeta): Promise<void> {
    await this.tell(tx, meta, e.applicationId, 'site_visit_cancelled', e.cancelledAt, (no) =>
      `${no}：原定于 ${e.visitOn} 的现场核查已取消。原因：${e.reason} / ${no}: the on-site verification of ${e.visitOn} is cancelled. Reason: ${e.reason}`,
    );
  }

  @Consumes(SiteVisitConcluded, { durable: 'intake-site-visit-concluded' })
  async concluded(e: SiteVisitConcludedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    const label = SITE_VISIT_CONCLUSION_LABELS[e.conclusion];
    await this.tell(tx, meta, e.applicationId, 'site_visit_concluded', e.concludedAt, (no) =>
      `${no}：${e.visitOn} 现场核查结论为「${label.zh}」，共 ${e.findingCount} 项核查情况，可在申报详情中查看并答复。 / ${no}: the on-site verification of ${e.visitOn} concluded "${label.en}" with ${e.findingCount} finding(s); see and answer them on the application page.`,
    );
  }

  private async tell(tx: Tx, meta: MessageMeta, applicationId: string, kind: NotificationKind, at: string, body: (applicationNo: string) => string): Promise<void> {
    const app = await tx.application.findUnique({ where: { id: applicationId }, select: { id: true, enterpriseUscc: true, applicationNo: true } });
    if (!app) return; // not an application of this intake
    await notify(tx, { enterpriseUscc: app.enterpriseUscc, applicationId: app.id, kind, body: body(app.applicationNo ?? ''), occurredAt: new Date(at), sourceEventId: meta.eventId! });
  }
}
