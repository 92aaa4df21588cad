import type { NotificationViewV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { MarkNotificationReadV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, notFound, PRISMA, requireActor } from '@firstset/service-kit';
import { Db, Tx } from '../prisma';

export type NotificationView = NotificationViewV1;

/** The enterprise's inbox: its own notices only, newest first; reading one marks it read. */
@Injectable()
export class ReadNotifications {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  async list(meta: MessageMeta): Promise<{ unread: number; items: NotificationView[] }> {
    const actor = requireActor(meta, ['enterprise']);
    const where = { enterpriseUscc: actor.enterpriseUscc! };
    const [rows, unread] = await Promise.all([
      this.db.notification.findMany({ where, orderBy: { occurredAt: 'desc' }, take: 100 }),
      this.db.notification.count({ where: { ...where, readAt: null } }),
    ]);
    return {
      unread,
      items: rows.map((n) => ({
        id: n.id,
        applicationId: n.applicationId,
        kind: n.kind,
        title: { zh: n.titleZh, en: n.titleEn },
        body: n.body,
        occurredAt: n.occurredAt.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
      })),
    };
  }

  markRead(input: MarkNotificationReadV1, meta: MessageMeta): Promise<{ id: string; readAt: string }> {
    const actor = requireActor(meta, ['enterprise']);
    const spec = { action: 'notification.mark-read', objectType: 'notification', objectId: input.notificationId };
    return this.commands.run(meta, spec, async (tx) => {
      const n = await tx.notification.findFirst({ where: { id: input.notificationId, enterpriseUscc: actor.enterpriseUscc! } });
      if (!n) throw notFound('notification');
      const readAt = n.readAt ?? this.clock.now();
      if (!n.readAt) await tx.notification.update({ where: { id: n.id }, data: { readAt } });
      return { result: { id: n.id, readAt: readAt.toISOString() } };
    });
  }
}
