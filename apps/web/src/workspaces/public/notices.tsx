import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { $api } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadState, queryState } from '../../shared/ui/states';
import { useRecognitionPdfs } from '../../features/issuing/use-recognition-pdfs';

/** The recognition documents issued from a notice's list (M9.3): public, each with its PDF. */
export function NoticeDocuments({ documents }: { documents: Array<{ id: string; documentNo: string; documentDate: string }> }) {
  const { t } = useI18n();
  const { publicDocumentPdf, downloading } = useRecognitionPdfs();
  return (
    <Space wrap size="small" data-testid="notice-documents">
      <Typography.Text>{t('notices.documents')}</Typography.Text>
      {documents.map((d) => (
        <Button key={d.id} type="link" size="small" style={{ padding: 0 }} loading={downloading === d.id} onClick={() => void publicDocumentPdf(d.id)}>
          {`${d.documentNo}（${d.documentDate}）`}
        </Button>
      ))}
    </Space>
  );
}

/** The current and past public notices of decided lists (M9.2): anyone reads them, on a phone too. */
export function Notices() {
  const { t } = useI18n();
  const notices = $api.useQuery('get', '/api/public/notices');
  return (
    <LoadState {...queryState(notices)}>
      <List
        locale={{ emptyText: t('notices.empty') }}
        dataSource={notices.data ?? []}
        renderItem={(n) => (
          <List.Item key={n.id}>
            <Space direction="vertical" size={2}>
              <Link to={`/public/notices/${n.id}`}>{t('notices.item', { year: n.title })}</Link>
              <Space wrap size="small">
                <Tag color={n.status === 'open' ? 'processing' : 'default'}>{t(n.status === 'open' ? 'notices.status.open' : 'notices.status.closed')}</Tag>
                <Typography.Text type="secondary">{t('notices.period', { start: n.startDate, end: n.endDate })}</Typography.Text>
                <Typography.Text type="secondary">{t('notices.entries', { count: n.entryCount })}</Typography.Text>
              </Space>
              {n.documents.length > 0 && <NoticeDocuments documents={n.documents} />}
            </Space>
          </List.Item>
        )}
      />
    </LoadState>
  );
}

/** `/public/notices`: the notices on a page of their own. */
export function NoticesPage() {
  const { t } = useI18n();
  return (
    <Card title={t('notices.title')}>
      <Notices />
    </Card>
  );
}
