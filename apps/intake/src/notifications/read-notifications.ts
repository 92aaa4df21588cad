import type { NotificationViewV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { ListNotificationsV1, MarkNotificationReadV1, pageOf } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, notFound, PRISMA, requireActor } from '@firstset/service-kit';
import { Db, Tx } from '../prisma';

export type NotificationView = NotificationViewV1;
export type NotificationPage = { unread: number; total: number; page: number; pageSize: number; items: NotificationView[] };

/** The enterprise's inbox: its own notices only, paged on the server; reading one marks it read. */
@Injectable()
export class ReadNotifications {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  /**
   * One page of the inbox, unread notices first (each part newest first). The page is cut from
   * the unread part and then the read part, two indexed queries, so the order needs no
   * expression index and a page never repeats or skips a notice.
   */
  async list(input: ListNotificationsV1, meta: MessageMeta): Promise<NotificationPage> {
    const actor = requireActor(meta, ['enterprise']);
    const { page, pageSize, skip: offset } = pageOf(input);
    const own = { enterpriseUscc: actor.enterpriseUscc! };
    const [unread, read] = await Promise.all([
      this.db.notification.count({ where: { ...own, readAt: null } }),
      input.unreadOnly ? Promise.resolve(0) : this.db.notification.count({ where: { ...own, readAt: { not: null } } }),
    ]);
    const fromUnread = Math.max(0, Math.min(pageSize, unread - offset));
    const fromRead = input.unreadOnly ? 0 : pageSize - fromUnread;
    const [unreadRows, readRows] = await Promise.all([
      fromUnread > 0
        ? this.db.notification.findMany({ where: { ...own, readAt: null }, orderBy: [{ occurredAt: 'desc' }, { id: 'asc' }], skip: offset, take: fromUnread })
        : Promise.resolve([]),
      fromRead > 0
        ? this.db.notification.findMany({
            where: { ...own, readAt: { not: null } },
            orderBy: [{ occurredAt: 'desc' }, { id: 'asc' }],
            skip: Math.max(0, offset - unread),
            take: fromRead,
          })
        : Promise.resolve([]),
    ]);
    return {
      unread,
      total: unread + read,
      page,
      pageSize,
      items: [...unreadRows, ...readRows].map((n) => ({
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

  /** Every unread notice of the enterprise read at once; notices already read keep their time. */
  markAllRead(meta: MessageMeta): Promise<{ marked: number; readAt: string }> {
    const actor = requireActor(meta, ['enterprise']);
    const spec = { action: 'notification.mark-all-read', objectType: 'enterprise', objectId: actor.enterpriseUscc! };
    return this.commands.run(meta, spec, async (tx) => {
      const readAt = this.clock.now();
      const { count } = await tx.notification.updateMany({ where: { enterpriseUscc: actor.enterpriseUscc!, readAt: null }, data: { readAt } });
      return { result: { marked: count, readAt: readAt.toISOString() } };
    });
  }
}
