import { App, Badge, Button, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import { showProblem } from '../../shared/ui/problem-form';
import { LoadState } from '../../shared/ui/states';
import { useInvalidate } from '../../shared/api/query';
import { useLoad } from '../../shared/hooks/use-load';
import { useI18n } from '../../shared/i18n/i18n';
import { useNavigate } from 'react-router';
import { formatBeijing } from '../../shared/ui/beijing-time';

// The inbox's views, as intake's NotificationInboxV1 sends them (kept here until views.ts is generated).
interface Notice {
  id: string;
  applicationId: string;
  kind: string;
  title: { zh: string; en: string };
  /** "中文 / English" or Chinese only (a reviewer's words). */
  body: string;
  occurredAt: string;
  readAt: string | null;
}

interface Inbox {
  unread: number;
  total: number;
  page: number;
  pageSize: number;
  items: Notice[];
}

const PAGE_SIZE = 10;
/** The enterprise's notices, paged on the server, unread first; each links to its application. */
export function NotificationsPage() {
  const { t, title, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const invalidate = useInvalidate();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const inbox = useLoad(
    () => unwrap<Inbox>(api.GET('/api/notifications', { params: { query: { page, pageSize: PAGE_SIZE, unreadOnly } } })),
    [page, unreadOnly],
  );

  const markRead = async (n: Notice, then?: () => void) => {
    setBusy(n.id);
    try {
      await unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id: n.id } } }));
      void invalidate('/api/notifications');
      if (then) then();
      else {
        message.success(t('inbox.markRead.done'));
        inbox.reload();
      }
    } catch (err) {
      showProblem(err, title, message);
    } finally {
      setBusy(null);
    }
  };

  const markAll = async () => {
    setBusy('all');
    try {
      const r = await unwrap<{ marked: number }>(api.POST('/api/notifications/read-all'));
      message.success(t('inbox.markAll.done', { count: r.marked }));
      void invalidate('/api/notifications');
      setPage(1);
      inbox.reload();
    } catch (err) {
      showProblem(err, title, message);
    } finally {
      setBusy(null);
    }
  };

  const data = inbox.data;
  // Opening the application reads the notice too.
  const open = (n: Notice) => {
    const go = () => navigate(`/enterprise/applications/${n.applicationId}`);
    if (n.readAt) go();
    else void markRead(n, go);
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
            onChange={(v) => {
              setUnreadOnly(v === 'unread');
              setPage(1);
            }}
          />
          <Button onClick={markAll} loading={busy === 'all'} disabled={!data?.unread}>
            {t('inbox.markAll')}
          </Button>
        </Space>
      }
    >
      <LoadState
        loading={inbox.loading}
        error={inbox.error}
        empty={data ? data.items.length === 0 && page === 1 : undefined}
        emptyText={unreadOnly ? t('inbox.empty.unread') : t('inbox.empty')}
        onRetry={inbox.reload}
      >
        <List<Notice>
          loading={inbox.loading}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
            hideOnSinglePage: true,
          }}
          renderItem={(n) => (
            <List.Item
              data-testid="notice"
              data-unread={n.readAt ? undefined : 'true'}
              style={n.readAt ? undefined : { background: '#fff8f6', paddingInline: 12 }}
              actions={[
                <Button key="open" type="link" onClick={() => open(n)}>
                  {t('inbox.openApplication')}
                </Button>,
                ...(n.readAt
                  ? []
                  : [
                      <Button key="read" type="link" loading={busy === n.id} onClick={() => void markRead(n)}>
                        {t('inbox.markRead')}
                      </Button>,
                    ]),
              ]}
            >
              <List.Item.Meta
                avatar={<Badge dot={!n.readAt} status={n.readAt ? 'default' : 'error'} />}
                title={
                  <Space>
                    <Typography.Text strong={!n.readAt}>{locale === 'en' ? n.title.en : n.title.zh}</Typography.Text>
                    {n.readAt ? <Tag>{t('inbox.read')}</Tag> : <Tag color="red">{t('inbox.unread')}</Tag>}
                  </Space>
                }
                description={
                  <Space direction="vertical" size={2}>
                    <Typography.Text>{title(n.body)}</Typography.Text>
                    <Typography.Text type="secondary">
                      {t('inbox.receivedAt', { time: formatBeijing(n.occurredAt) })}
                      {n.readAt ? ` · ${t('inbox.readAt', { time: formatBeijing(n.readAt) })}` : ''}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </LoadState>
    </Card>
  );
}
