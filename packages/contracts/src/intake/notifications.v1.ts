import { IsUUID } from 'class-validator';
import { defineCommand, defineQuery } from '../contract';
import { EmptyDto } from '../common/dto';

/** The enterprise's in-app inbox, newest first. */
export const ListNotifications = defineQuery('intake.notification.list.v1', EmptyDto);

export class MarkNotificationReadV1 {
  @IsUUID()
  notificationId!: string;
}
export const MarkNotificationRead = defineCommand('intake.notification.mark-read.v1', MarkNotificationReadV1);
