import { $api } from '../../shared/api/query';

/**
 * The enterprise's unread notices, for the menu badge: one row is fetched, the count comes with it.
 * The inbox invalidates `/api/notifications` when a notice is read, which refreshes the badge; new
 * notices show within a minute.
 */
export function useUnreadNotices(enabled: boolean): number {
  const { data } = $api.useQuery('get', '/api/notifications', { params: { query: { pageSize: 1 } } }, { enabled, refetchInterval: 60_000 });
  return enabled ? (data?.unread ?? 0) : 0;
}
