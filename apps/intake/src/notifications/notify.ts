import { randomUUID } from 'node:crypto';
import { Tx } from '../prisma';

export type NotificationKind = 'returned' | 'rejected' | 'recommended' | 'recognized' | 'revoked' | 'expired';

const TITLES: Record<NotificationKind, [string, string]> = {
  returned: ['申请被退回补正', 'Application returned for correction'],
  rejected: ['申请初审未通过', 'Application rejected at preliminary review'],
  recommended: ['申请已获盟市推荐', 'Application recommended by the prefecture'],
  recognized: ['产品已通过认定', 'Product recognized'],
  revoked: ['认定已被撤销', 'Recognition revoked'],
  expired: ['认定有效期已届满', 'Recognition expired'],
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
