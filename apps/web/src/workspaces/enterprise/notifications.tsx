import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, List, Segmented, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { $api } from '../../shared/api/query';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadState, queryState } from '../../shared/ui/states';
import { NoticeItem } from './inbox/notice-item';
import { noticeTarget } from './inbox/notice-target';
import { Notice, useInboxCommands } from './inbox/use-inbox-commands';

const PAGE_SIZE = 10;
const VIEW: { page: number; unreadOnly: boolean } = { page: 1, unreadOnly: false };

/**
 * The enterprise's notices, paged on the server, unread first; each links to what it is about. The
 * page and the unread-only filter are in the URL (`?unreadOnly=true&page=2`).
 */
export function NotificationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [{ page, unreadOnly }, set] = useSearchState(VIEW);
  const inbox = $api.useQuery('get', '/api/notifications', { params: { query: { page, pageSize: PAGE_SIZE, unreadOnly } } }, { placeholderData: keepPreviousData });
  const { read, readAll, reading, readingAll } = useInboxCommands();
  const data = inbox.data;

  // Opening what the notice is about reads it too.
  const open = async (n: Notice) => {
    if (n.readAt || (await read(n, true))) await navigate(noticeTarget(n).path);
  };
  const markAll = async () => {
    if (await readAll()) set({ page: 1 });
  };

  return (
    <Card
      title={
        <Space>
          {t('inbox.title')}
          {data && <Typography.Text type="secondary" data-testid="inbox-summary">{t('inbox.unreadSummary', { unread: data.unread, total: data.total })}</Typography.Text>}
        </Space>
      }
      extra={
        <Space wrap>
          <Segmented
            aria-label={t('inbox.filter')}
            value={unreadOnly ? 'unread' : 'all'}
            options={[
              { value: 'all', label: t('inbox.filter.all') },
              { value: 'unread', label: t('inbox.filter.unread') },
            ]}
            onChange={(v) => set({ unreadOnly: v === 'unread', page: 1 })}
          />
          <Button onClick={() => void markAll()} loading={readingAll} disabled={!data?.unread}>
            {t('inbox.markAll')}
          </Button>
        </Space>
      }
    >
      <LoadState {...queryState(inbox)} empty={data ? data.items.length === 0 && page === 1 : undefined} emptyText={unreadOnly ? t('inbox.empty.unread') : t('inbox.empty')}>
        <List<Notice>
          loading={inbox.isFetching && inbox.isPlaceholderData}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p) => set({ page: p }),
            hideOnSinglePage: true,
          }}
          renderItem={(n) => <NoticeItem notice={n} reading={reading === n.id} onOpen={() => void open(n)} onRead={() => void read(n)} />}
        />
      </LoadState>
    </Card>
  );
}
