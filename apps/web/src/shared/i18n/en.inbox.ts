import type { zhCNInbox } from './zh-CN.inbox';

/** The words of the enterprise's notification inbox, English; part of `en`. */
export const enInbox: Record<keyof typeof zhCNInbox, string> = {
  'menu.notifications': 'Notifications',
  'inbox.title': 'Notifications',
  'inbox.unreadSummary': '{unread} unread of {total}',
  'inbox.filter': 'Show',
  'inbox.filter.all': 'All notices',
  'inbox.filter.unread': 'Unread only',
  'inbox.markAll': 'Mark all read',
  'inbox.markAll.done': '{count} notice(s) marked read',
  'inbox.markRead': 'Mark read',
  'inbox.markRead.done': 'Marked read',
  'inbox.unread': 'Unread',
  'inbox.read': 'Read',
  'inbox.openApplication': 'View the application',
  'inbox.openTracking': 'Report now',
  'inbox.openComplianceCase': 'Read the notice',
  'inbox.receivedAt': 'Received {time}',
  'inbox.readAt': 'Read {time}',
  'inbox.empty': 'No notices yet. When something happens to an application, you will be told here.',
  'inbox.empty.unread': 'No unread notices',
  'inbox.badge': '{count} unread notice(s)',
};
