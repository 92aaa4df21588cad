import { Descriptions, Space, Tag, Typography } from 'antd';
import { prefectureName } from '../../shared/ui/prefectures';
import { useI18n } from '../../shared/i18n/i18n';
import { AssignmentView, ReviewView, stageOf } from './types';
import { formatBeijing } from '../../shared/ui/beijing-time';

const STAGE_COLOR = { ASSIGNED: 'default', ACCEPTED: 'blue', SCORED: 'green', ENDED: 'orange' } as const;

/** An assignment's stage (assigned / undertaking signed / scored), with the score once in. */
export function StageTag({ assignment }: { assignment: AssignmentView }) {
  const { t } = useI18n();
  const stage = stageOf(assignment);
  return (
    <Tag color={STAGE_COLOR[stage]}>
      {t(`panel.stage.${stage}`)}
      {stage === 'SCORED' && assignment.score !== null ? `：${t('panel.score.value', { score: assignment.score })}` : ''}
    </Tag>
  );
}

/** Every assigned expert by name with their stage, or that none is yet. */
export function ExpertTags({ assignments }: { assignments: AssignmentView[] }) {
  const { t } = useI18n();
  if (!assignments.length) return <Typography.Text type="secondary">{t('panel.experts.none')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {assignments.map((a) => (
        <span key={a.expertId} data-testid={`expert-${a.expertName}`}>
          {a.expertName} <StageTag assignment={a} />
        </span>
      ))}
    </Space>
  );
}

/** The application's facts as the service lets the caller see them (an expert: after the undertaking). */
export function ReviewFacts({ review }: { review: ReviewView }) {
  const { t, tk, locale } = useI18n();
  return (
    <Descriptions column={2} size="small" bordered>
      <Descriptions.Item label={t('application.no')}>{review.applicationNo}</Descriptions.Item>
      <Descriptions.Item label={t('application.state')}>{tk('state', review.state, review.stateLabel.zh)}</Descriptions.Item>
      <Descriptions.Item label={t('panel.enterprise')}>{review.enterprise.name}</Descriptions.Item>
      <Descriptions.Item label={t('panel.prefecture')}>{prefectureName(review.prefectureId, locale)}</Descriptions.Item>
      <Descriptions.Item label={t('application.productKind')}>{tk('productKind', review.product.kind)}</Descriptions.Item>
      <Descriptions.Item label={t('application.productName')}>{review.product.name}</Descriptions.Item>
      <Descriptions.Item label={t('application.series')}>{review.product.series}</Descriptions.Item>
      <Descriptions.Item label={t('application.model')}>{review.product.model}</Descriptions.Item>
      <Descriptions.Item label={t('application.rdCompletedOn')}>{review.product.rdCompletedOn}</Descriptions.Item>
      <Descriptions.Item label={t('panel.recommendedAt')}>{formatBeijing(review.recommendedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('panel.recommendation')} span={2}>{review.recommendationOpinion}</Descriptions.Item>
    </Descriptions>
  );
}
