import { Descriptions, Empty, Flex, List, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import type { ReviewReportView } from '../review-panel/types';

type Content = ReviewReportView['content'];

/** A report's status as a tag: not drafted, draft, signed off. */
export function ReportStatusTag({ status }: { status: string }) {
  const { tk } = useI18n();
  return <Tag color={status === 'signed_off' ? 'green' : status === 'draft' ? 'blue' : 'default'} data-testid="report-status">{tk('reports.status', status)}</Tag>;
}

/** The recommendation as a tag (建议认定 green, 不建议认定 red). */
export function RecommendationTag({ recommendation }: { recommendation: string | null | undefined }) {
  const { tk } = useI18n();
  if (!recommendation) return null;
  return <Tag color={recommendation === 'recommend' ? 'green' : 'red'} data-testid="report-recommendation">{tk('reports.recommendation', recommendation)}</Tag>;
}

/** What a report states beside the recommendation: criterion means, the anonymised experts, on-site conclusions (M8.1, M8.2). */
export function ReportContent({ content }: { content: Content }) {
  const { t, tk } = useI18n();
  return (
    <Flex vertical gap="middle">
      <Typography.Text strong>{t('reports.means')}</Typography.Text>
      <Table
        size="small"
        rowKey="criterionId"
        pagination={false}
        dataSource={content.criterionMeans}
        columns={[
          { title: t('reports.criterion'), dataIndex: 'nameZh' },
          { title: t('reports.max'), dataIndex: 'max' },
          { title: t('reports.mean'), dataIndex: 'mean' },
        ]}
      />
      <Typography.Text strong>{t('reports.experts')}</Typography.Text>
      <Table
        size="small"
        rowKey="label"
        pagination={false}
        data-testid="report-experts"
        dataSource={content.experts}
        columns={[
          { title: t('reports.expert'), dataIndex: 'label' },
          { title: t('reports.total'), dataIndex: 'weightedTotal' },
          { title: t('reports.expertRecommendation'), render: (_, e) => (e.recommendation ? tk('scoring.recommendation', e.recommendation) : '—') },
          { title: t('reports.opinion'), dataIndex: 'opinion' },
        ]}
      />
      <List
        size="small"
        header={<Typography.Text strong>{t('reports.visits')}</Typography.Text>}
        dataSource={content.siteConclusions}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.visits.none')} /> }}
        renderItem={(v) => (
          <List.Item>
            {v.visitOn}：{v.conclusionLabel.zh}
            {v.note ? `（${v.note}）` : ''}
          </List.Item>
        )}
      />
    </Flex>
  );
}

/** The signed part of a report: the recommendation, reasons, who signed and when. */
export function ReportConclusion({ report }: { report: Pick<ReviewReportView, 'recommendation' | 'reasons' | 'signedAt' | 'signedByName' | 'score'> }) {
  const { t } = useI18n();
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('reports.score')}>{report.score ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('reports.recommendation')}>
        <RecommendationTag recommendation={report.recommendation} />
      </Descriptions.Item>
      <Descriptions.Item label={t('reports.reasons')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>{report.reasons}</Typography.Paragraph>
      </Descriptions.Item>
      {report.signedAt && <Descriptions.Item label={t('reports.status.signed_off')}>{t('reports.signedBy', { name: report.signedByName ?? '—', at: formatBeijing(report.signedAt) })}</Descriptions.Item>}
    </Descriptions>
  );
}
