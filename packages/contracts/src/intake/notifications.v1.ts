import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { defineCommand, defineQuery } from '../contract';
import { EmptyDto } from '../common/dto';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The enterprise's in-app inbox, a page at a time: unread notices first, each part newest first. */
export class ListNotificationsV1 {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;

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
