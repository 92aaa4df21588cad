import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { defineCommand, defineQuery } from '../contract';
import { EmptyDto } from '../common/dto';
import { PageQueryV1 } from '../common/paging';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The enterprise's in-app inbox, a page at a time: unread notices first, each part newest first. */
export class ListNotificationsV1 extends PageQueryV1 {
  /** Only the notices not read yet. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  unreadOnly?: boolean;
}
export const ListNotifications = defineQuery('intake.notification.list.v1', ListNotificationsV1, 'NotificationInboxV1');

export class MarkNotificationReadV1 {
  @IsUUID()
  notificationId!: string;
}
export const MarkNotificationRead = defineCommand('intake.notification.mark-read.v1', MarkNotificationReadV1, 'NotificationReadV1');

/** Every unread notice of the enterprise marked read at once. */
export const MarkAllNotificationsRead = defineCommand('intake.notification.mark-all-read.v1', EmptyDto, 'NotificationsMarkedReadV1');
