import { App, Button, Card, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { components } from '../../shared/api/generated/schema';
import { $api, useInvalidate } from '../../shared/api/query';
import { useSession } from '../../shared/auth/session';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { showProblem } from '../../shared/ui/problem-form';
import { LoadState, queryState } from '../../shared/ui/states';
import { useRecognitionPdfs } from '../../features/issuing/use-recognition-pdfs';

type S = components['schemas'];
type Issuing = S['IssuingViewV1'];
type Doc = S['RecognitionDocumentViewV1'];
type Held = S['HeldEntryV1'];

/** One publicity: close it once over, its documents in order (preview, issue, download), its held entries. */
function PublicityIssuing({ p, officer }: { p: Issuing; officer: boolean }) {
  const { t, tk, title } = useI18n();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidate();
  const { documentPdf, downloading } = useRecognitionPdfs();
  const closing = $api.useMutation('post', '/api/publicities/{id}/close');
  const issuing = $api.useMutation('post', '/api/recognition-documents/{id}/issue');
  const refresh = () => invalidate('/api/issuing', '/api/decision-lists', '/api/public/notices');

  const close = () =>
    modal.confirm({
      title: t('issuing.close.confirm'),
      content: t('issuing.close.confirm.detail'),
      okText: t('issuing.close'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await closing.mutateAsync({ params: { path: { id: p.publicityId } } });
          message.success(t('issuing.closed'));
        } catch (err) {
          showProblem(err, title, message);
        } finally {
          await refresh();
        }
      },
    });

  const issue = (d: Doc) =>
    modal.confirm({
      title: t('issuing.issue.confirm', { title: d.title }),
      content: t('issuing.issue.confirm.detail', { count: d.entries.length }),
      okText: t('issuing.issue'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const issued = await issuing.mutateAsync({ params: { path: { id: d.id } }, body: { expectedVersion: d.version } });
          message.success(t('issuing.issued', { documentNo: issued.documentNo ?? '' }));
        } catch (err) {
          showProblem(err, title, message);
        } finally {
          await refresh();
        }
      },
    });

  return (
    <Card
      size="small"
      type="inner"
      data-testid="issuing-publicity"
      data-publicity={p.publicityId}
      title={
        <Space wrap>
          <span>{t('issuing.period', { start: p.startDate, end: p.endDate })}</span>
          <Tag color={p.status === 'open' ? 'processing' : 'default'}>{t(p.status === 'open' ? 'issuing.status.open' : 'issuing.status.closed')}</Tag>
        </Space>
      }
      extra={
        officer && p.closable ? (
          <Button type="primary" onClick={close} loading={closing.isPending}>
            {t('issuing.close')}
          </Button>
        ) : p.closedAt ? (
          <Typography.Text type="secondary">{t('issuing.closedAt', { at: formatBeijing(p.closedAt) })}</Typography.Text>
        ) : null
      }
    >
      <Flex vertical gap="middle">
        <Table<Doc>
          rowKey="id"
          size="small"
          data-testid="issuing-documents"
          pagination={false}
          scroll={{ x: true }}
          dataSource={p.documents}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(p.status === 'open' ? 'issuing.documents.notYet' : 'issuing.documents.none')} /> }}
          columns={[
            { title: t('issuing.kind'), render: (_, d) => tk('issuing.kind', d.kind) },
            { title: t('issuing.documentTitle'), dataIndex: 'title' },
            { title: t('issuing.status'), render: (_, d) => <Tag color={d.status === 'issued' ? 'success' : 'warning'}>{tk('issuing.docStatus', d.status)}</Tag> },
            { title: t('issuing.documentNo'), render: (_, d) => d.documentNo ?? <Typography.Text type="secondary">{t('issuing.documentNo.atIssue')}</Typography.Text> },
            { title: t('issuing.documentDate'), render: (_, d) => d.documentDate ?? '—' },
            {
              title: t('issuing.entries'),
              render: (_, d) => (
                <Flex vertical>
                  {d.entries.map((e) => (
                    <span key={e.applicationId}>
                      {`${e.enterpriseName}\u3000${e.productName}（${e.model}）${e.certificateNo ? `\u3000${e.certificateNo}` : ''}`}
                    </span>
                  ))}
                </Flex>
              ),
            },
            {
              title: t('common.actions'),
              render: (_, d) => (
                <Space wrap>
                  <Button size="small" loading={downloading === d.id} onClick={() => void documentPdf(d.id)} aria-label={`${t(d.status === 'draft' ? 'issuing.preview' : 'issuing.download')} ${d.title}`}>
                    {t(d.status === 'draft' ? 'issuing.preview' : 'issuing.download')}
                  </Button>
                  {officer && d.status === 'draft' && (
                    <Button size="small" type="primary" loading={issuing.isPending} onClick={() => issue(d)} aria-label={`${t('issuing.issue')} ${d.title}`}>
                      {t('issuing.issue')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
        {p.held.length > 0 && (
          <>
            <Typography.Text strong>{t('issuing.held.title')}</Typography.Text>
            <Typography.Text type="secondary">{t('issuing.held.intro')}</Typography.Text>
            <Table<Held>
              rowKey="applicationId"
              size="small"
              data-testid="issuing-held"
              pagination={false}
              scroll={{ x: true }}
              dataSource={p.held}
              columns={[
                { title: t('issuing.applicationNo'), dataIndex: 'applicationNo' },
                { title: t('issuing.enterprise'), dataIndex: 'enterpriseName' },
                { title: t('issuing.product'), dataIndex: 'productName' },
                { title: t('issuing.entryState'), render: (_, h) => tk('state', h.state) },
                {
                  title: t('issuing.cases'),
                  render: (_, h) => (
                    <Flex vertical>
                      {h.objections.map((o) => (
                        <Link key={o.id} to={`/department/objections?case=${o.id}`}>
                          {o.receiptNo ?? o.id.slice(0, 8)}（{tk('objections.status', o.status)}）
                        </Link>
                      ))}
                    </Flex>
                  ),
                },
              ]}
            />
          </>
        )}
      </Flex>
    </Card>
  );
}

/**
 * 认定发文 (M9.3; ADR 0025): each publicity, newest first. Once its period is over the Department
 * closes it (or the scheduler does), which drafts the main document; the draft is previewed as PDF
 * and issued after a confirmation (the number and date are taken then). Supplementary documents
 * follow in order; every entry an objection still holds is listed with its case, so none is
 * stranded. The auditor reads and downloads, never acts.
 */
export function IssuingPage() {
  const { t } = useI18n();
  const { actor } = useSession();
  const issuing = $api.useQuery('get', '/api/issuing');
  return (
    <Card title={t('issuing.title')}>
      <Flex vertical gap="middle">
        <Typography.Paragraph type="secondary">{t('issuing.intro')}</Typography.Paragraph>
        <LoadState {...queryState(issuing)} empty={issuing.data ? issuing.data.length === 0 : undefined} emptyText={t('issuing.empty')}>
          <Flex vertical gap="middle">
            {issuing.data?.map((p) => <PublicityIssuing key={p.publicityId} p={p} officer={actor?.role === 'department_officer'} />)}
          </Flex>
        </LoadState>
      </Flex>
    </Card>
  );
}
