import { describe, expect, it } from 'vitest';
import { withRead } from './read-now';

const notice = (id: string, readAt: string | null) => ({ id, applicationId: 'a', kind: 'rejected', title: { zh: '申请初审未通过', en: 'Rejected' }, body: '理由', occurredAt: '2026-12-01T02:00:00.000Z', readAt });

describe('marking a notice read, shown before the server answers', () => {
  it('reads the notice on the page that shows it and lowers the unread count', () => {
    const page = { unread: 2, total: 3, page: 1, pageSize: 10, items: [notice('n1', null), notice('n2', null), notice('n3', '2026-11-30T00:00:00.000Z')] };
    const after = withRead(page, 'n1', '2026-12-02T00:00:00.000Z')!;
    expect(after.unread).toBe(1);
    expect(after.total).toBe(3);
    expect(after.items.map((n) => n.readAt)).toEqual(['2026-12-02T00:00:00.000Z', null, '2026-11-30T00:00:00.000Z']);
    // The cached page itself is not changed (a refusal puts it back).
    expect(page.items[0].readAt).toBeNull();
  });

  it('lowers the count of the menu badge, whose single row is another notice', () => {
    const badge = { unread: 1, total: 5, page: 1, pageSize: 1, items: [notice('other', null)] };
    expect(withRead(badge, 'n1', '2026-12-02T00:00:00.000Z')).toMatchObject({ unread: 0, items: [{ id: 'other', readAt: null }] });
    expect(withRead({ ...badge, unread: 0 }, 'n1', 'x')?.unread).toBe(0);
    expect(withRead(undefined, 'n1', 'x')).toBeUndefined();
  });
});
