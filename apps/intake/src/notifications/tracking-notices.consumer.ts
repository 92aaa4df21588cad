import { Controller } from '@nestjs/common';
import { TrackingReportRequested, TrackingReportRequestedV1 } from '@firstset/contracts';
import { Consumes, MessageMeta } from '@firstset/messaging';
import { Tx } from '../prisma';
import { notify } from './notify';

/**
 * The prefecture's request for the year's tracking report (M12.2; ADR 0026), as the enterprise
 * hears of it: in its inbox (消息通知), by SMS and e-mail, with the due date and what to report on.
 * Addressed by the recognition's credit code, like the expiry notices, so it reaches the holder of
 * a recognition whose application this intake never held; the notice refers to the recognized
 * application, and its kind tells the web to open the tracking evaluations page.
 */
@Controller()
export class TrackingNoticesConsumer {
  @Consumes(TrackingReportRequested, { durable: 'intake-tracking-report-requested' })
  async requested(e: TrackingReportRequestedV1, tx: Tx, meta: MessageMeta): Promise<void> {
    await notify(tx, {
      enterpriseUscc: e.uscc,
      applicationId: e.applicationId,
      kind: 'tracking_report_requested',
      body:
        `请于${e.dueOn}前报送${e.year}年度跟踪评价报告：${e.productName}（在“跟踪评价”中报送，截止日当日有效）。要求：${e.note} / ` +
        `Please submit the ${e.year} tracking evaluation report on ${e.productName} by ${e.dueOn} (included), under "Tracking evaluations". Requested: ${e.note}`,
      occurredAt: new Date(e.requestedAt),
      sourceEventId: meta.eventId!,
    });
  }
}
