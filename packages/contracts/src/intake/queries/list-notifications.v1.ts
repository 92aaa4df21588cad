import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryV1 } from '../../common/paging';
import { defineQuery } from '../../contract';

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
