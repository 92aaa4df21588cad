import { randomUUID } from 'node:crypto';
import { Tx } from '../prisma';

export type NotificationKind =
  | 'returned'
  | 'rejected'
  | 'recommended'
  | 'selected'
  | 'not_selected'
  | 'recognized'
  | 'revoked'
  | 'expired'
  | 'site_visit_scheduled'
  | 'site_visit_revised'
  | 'site_visit_cancelled'
  | 'site_visit_concluded'
  | 'objection_upheld'
  | 'objection_inquiry'
  | 'expiring'
  | 'decision_withdrawn'
  | 'compliance_notice'
  | 'stopped_by_sanction'
  | 'tracking_report_requested';

const TITLES: Record<NotificationKind, [string, string]> = {
  returned: ['申请被退回补正', 'Application returned for correction'],
  rejected: ['申请初审未通过', 'Application rejected at preliminary review'],
  recommended: ['申请已获盟市推荐', 'Application recommended by the prefecture'],
  selected: ['申请已列入认定名单，即将公示', 'Application placed on the recognition list, to be publicized'],
  not_selected: ['申请未列入认定名单', 'Application not selected for recognition'],
  recognized: ['产品已通过认定', 'Product recognized'],
  revoked: ['认定已被撤销', 'Recognition revoked'],
  expired: ['认定有效期已届满', 'Recognition expired'],
  site_visit_scheduled: ['现场核查通知', 'On-site verification scheduled'],
  site_visit_revised: ['现场核查安排已变更', 'On-site verification rescheduled'],
  site_visit_cancelled: ['现场核查已取消', 'On-site verification cancelled'],
  site_visit_concluded: ['现场核查已作出结论', 'On-site verification concluded'],
  objection_upheld: ['公示异议成立，产品移出名单', 'Objection upheld: product removed from the list'],
  objection_inquiry: ['公示异议核查问询', 'Question about an objection to the publicized list'],
  expiring: ['认定有效期即将届满', 'Recognition about to expire'],
  decision_withdrawn: ['认定名单已撤回，将重新作出决定', 'The decided list was withdrawn; the application will be decided again'],
  compliance_notice: ['违规处理告知：请陈述、申辩', 'Notice of an intended measure: state your case'],
  stopped_by_sanction: ['申报因禁止申报决定而终止', 'Application stopped by a ban on applying'],
  tracking_report_requested: ['跟踪评价报告报送通知', 'Tracking evaluation report requested'],
};

/**
 * Puts a notice in the enterprise's in-app inbox, in the transaction of the event that caused it
 * (one notice per event: a redelivered event finds its notice and adds none), and queues an SMS and
 * an e-mail to each of the enterprise's contacts (sent after commit by the DeliveryDispatcher).
 */
export async function notify(
  tx: Tx,
  n: { enterpriseUscc: string; applicationId: string; kind: NotificationKind; body: string; occurredAt: Date; sourceEventId: string },
): Promise<void> {
  const [titleZh, titleEn] = TITLES[n.kind];
  const id = randomUUID();
  const { count } = await tx.notification.createMany({
    data: [{ id, ...n, titleZh, titleEn }],
    skipDuplicates: true,
  });
  if (count === 0) return;
  const enterprise = await tx.enterprise.findUnique({ where: { uscc: n.enterpriseUscc }, select: { profile: true } });
  const contacts = ((enterprise?.profile ?? {}) as { contacts?: Array<{ phone?: string; email?: string }> }).contacts ?? [];
  const sms = `【首台（套）认定】${titleZh}：${n.body}`.slice(0, 500);
  const subject = `${titleZh} / ${titleEn}`;
  const email = `${titleZh}\n\n${n.body}\n\n${titleEn}. Sign in to the platform for details.`;
  const rows = contacts.flatMap((c) => [
    ...(c.phone ? [{ channel: 'sms', recipient: c.phone, subject, body: sms }] : []),
    ...(c.email ? [{ channel: 'email', recipient: c.email, subject, body: email }] : []),
  ]);
  if (rows.length === 0) return;
  await tx.messageDelivery.createMany({
    data: rows.map((r) => ({ id: randomUUID(), notificationId: id, enterpriseUscc: n.enterpriseUscc, nextAttemptAt: n.occurredAt, ...r })),
    skipDuplicates: true,
  });
}
