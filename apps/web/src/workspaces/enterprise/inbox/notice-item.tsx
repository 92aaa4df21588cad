import { Badge, Button, List, Space, Tag, theme, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/i18n';
import { formatBeijing } from '../../../shared/ui/beijing-time';
import type { Notice } from './use-inbox-commands';
import { noticeTarget } from './notice-target';

/** One notice of the inbox: unread ones stand out, each with the way to its application. */
export function NoticeItem({ notice: n, reading, onOpen, onRead }: { notice: Notice; reading: boolean; onOpen(): void; onRead(): void }) {
  const { t, title, locale } = useI18n();
  const { token } = theme.useToken();
  return (
    <List.Item
      data-testid="notice"
      data-unread={n.readAt ? undefined : 'true'}
      style={n.readAt ? undefined : { background: token.colorPrimaryBg, paddingInline: token.paddingSM }}
      actions={[
        <Button key="open" type="link" onClick={onOpen}>
          {t(noticeTarget(n).label)}
        </Button>,
        ...(n.readAt
          ? []
          : [
              <Button key="read" type="link" loading={reading} onClick={onRead}>
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
            {n.readAt ? <Tag>{t('inbox.read')}</Tag> : <Tag color="error">{t('inbox.unread')}</Tag>}
          </Space>
        }
        description={
          <Space orientation="vertical" size={2}>
            <Typography.Text>{title(n.body)}</Typography.Text>
            <Typography.Text type="secondary">
              {t('inbox.receivedAt', { time: formatBeijing(n.occurredAt) })}
              {n.readAt ? ` · ${t('inbox.readAt', { time: formatBeijing(n.readAt) })}` : ''}
            </Typography.Text>
          </Space>
        }
      />
    </List.Item>
  );
}
