import { Controller } from '@nestjs/common';
import {
  EmptyDto,
  ListNotifications,
  ListNotificationsV1,
  MarkAllNotificationsRead,
  MarkNotificationRead,
  MarkNotificationReadV1,
} from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { ReadNotifications } from './read-notifications';

/** The enterprise's notification inbox. */
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: ReadNotifications) {}

  @Answers(ListNotifications)
  list(input: ListNotificationsV1, meta: MessageMeta) {
    return this.notifications.list(input, meta);
  }

  @Answers(MarkNotificationRead)
  markRead(input: MarkNotificationReadV1, meta: MessageMeta) {
    return this.notifications.markRead(input, meta);
  }

  @Answers(MarkAllNotificationsRead)
  markAllRead(_: EmptyDto, meta: MessageMeta) {
    return this.notifications.markAllRead(meta);
  }
}
