import { useEffect, useState } from 'react';
import { api, unwrap } from '../../shared/api/client';

const CHANGED = 'firstset:notices-changed';

/** Tells the menu badge that the inbox changed (a notice read), so it asks again. */
export function noticesChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/**
 * The enterprise's unread notices, for the menu badge: asked on sign-in, on every page change and
 * when the inbox says it changed. One row is fetched; the count comes with it.
 */
export function useUnreadNotices(enabled: boolean, path: string): number {
  const [unread, setUnread] = useState(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((n) => n + 1);
    window.addEventListener(CHANGED, bump);
    return () => window.removeEventListener(CHANGED, bump);
  }, []);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    unwrap<{ unread: number }>(api.GET('/api/notifications', { params: { query: { pageSize: 1 } } }))
      .then((r) => live && setUnread(r.unread))
      .catch(() => undefined); // the badge is a hint; the inbox page shows errors
    return () => {
      live = false;
    };
  }, [enabled, path, tick]);
  return enabled ? unread : 0;
}
