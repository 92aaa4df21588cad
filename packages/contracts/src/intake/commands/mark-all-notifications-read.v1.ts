import { EmptyDto } from '../../common/dto';
import { defineCommand } from '../../contract';

/** Every unread notice of the enterprise marked read at once. */
export const MarkAllNotificationsRead = defineCommand('intake.notification.mark-all-read.v1', EmptyDto, 'NotificationsMarkedReadV1');
