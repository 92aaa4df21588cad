import type { components } from '../../../shared/api/generated/schema';

export type Inbox = components['schemas']['NotificationInboxV1'];

/**
 * A cached page of the inbox (or the menu badge's single row) with an unread notice read now: the
 * optimistic view. The unread count goes down on every page, whether the notice is on it or not.
 */
export function withRead(inbox: Inbox | undefined, id: string, readAt: string): Inbox | undefined {
  if (!inbox) return inbox;
  return {
    ...inbox,
    unread: Math.max(0, inbox.unread - 1),
    items: inbox.items.map((n) => (n.id === id && !n.readAt ? { ...n, readAt } : n)),
  };
}
