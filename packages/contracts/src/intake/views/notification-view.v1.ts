import type { LabelV1 } from '../../common/views/label.v1';

/** One notice in the enterprise's in-app inbox. */
export interface NotificationViewV1 {
  id: string;
  applicationId: string;
  kind: string;
  title: LabelV1;
  body: string;
  occurredAt: string;
  readAt: string | null;
}

/** One page of the inbox: unread notices first, each part newest first. */
export interface NotificationInboxV1 {
  /** Unread notices in all (the badge), whatever the page. */
  unread: number;
  /** Notices the query matches, in all. */
  total: number;
  page: number;
  pageSize: number;
  items: NotificationViewV1[];
}

export interface NotificationReadV1 {
  id: string;
  readAt: string;
}

export interface NotificationsMarkedReadV1 {
  marked: number;
  readAt: string;
}
