import { IsUUID } from 'class-validator';
import { defineCommand } from '../../contract';

export class MarkNotificationReadV1 {
  @IsUUID()
  notificationId!: string;
}
export const MarkNotificationRead = defineCommand('intake.notification.mark-read.v1', MarkNotificationReadV1, 'NotificationReadV1');
