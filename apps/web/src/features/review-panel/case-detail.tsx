import { Descriptions, Flex, Table, Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { StageTag } from './review-parts';
import type { ReviewView } from './types';

/** One case's experts in full, and the conclusion once reviewed. */
export function CaseDetail({ review }: { review: ReviewView }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap="small">
      <Table
        rowKey="expertId"
        size="small"
        pagination={false}
        dataSource={review.assignments ?? []}
        locale={{ emptyText: t('panel.experts.none') }}
        columns={[
          { title: t('panel.experts'), dataIndex: 'expertName' },
          { title: t('application.state'), render: (_, a) => <StageTag assignment={a} /> },
          { title: t('panel.assignedAt'), render: (_, a) => formatBeijing(a.assignedAt) },
          { title: t('panel.acceptedAt'), render: (_, a) => formatBeijing(a.acceptedAt) },
          { title: t('panel.score'), render: (_, a) => (a.score === null ? '—' : a.score) },
          { title: t('panel.opinion'), render: (_, a) => a.opinion ?? '—' },
        ]}
      />
      {review.result?.reviewedAt && (
        <Descriptions size="small" column={2} title={t('panel.result')} bordered>
          <Descriptions.Item label={t('panel.result.score')}>{t('panel.score.value', { score: review.result.score ?? 0 })}</Descriptions.Item>
          <Descriptions.Item label={t('panel.result.reviewedAt')}>{formatBeijing(review.result.reviewedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('panel.opinion')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>{review.result.opinion}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Flex>
  );
}
