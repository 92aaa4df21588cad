import { randomUUID } from 'node:crypto';
import { Tx } from '../prisma';

export type NotificationKind = 'returned' | 'rejected' | 'recommended' | 'recognized' | 'revoked';

const TITLES: Record<NotificationKind, [string, string]> = {
  returned: ['申请被退回补正', 'Application returned for correction'],
  rejected: ['申请初审未通过', 'Application rejected at preliminary review'],
  recommended: ['申请已获盟市推荐', 'Application recommended by the prefecture'],
  recognized: ['产品已通过认定', 'Product recognized'],
  revoked: ['认定已被撤销', 'Recognition revoked'],
};

/**
 * Puts a notice in the enterprise's in-app inbox, in the transaction of the event that caused it
 * (one notice per event: a redelivered event finds its notice and adds none).
 */
export async function notify(
  tx: Tx,
  n: { enterpriseUscc: string; applicationId: string; kind: NotificationKind; body: string; occurredAt: Date; sourceEventId: string },
): Promise<void> {
  const [titleZh, titleEn] = TITLES[n.kind];
  await tx.notification.createMany({
    data: [{ id: randomUUID(), ...n, titleZh, titleEn }],
    skipDuplicates: true,
  });
}
