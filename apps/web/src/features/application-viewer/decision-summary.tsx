import { Card, Descriptions, Space, Tag, theme, Typography } from 'antd';
import type { ChecklistItem, DraftedDecision, ReviewCase } from '../../shared/api/views';
import { useItemLabel } from './item-label';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';

function Measures({ ids }: { ids: string[] | undefined }) {
  const { t } = useI18n();
  if (!ids?.length) return <>{t('review.none')}</>;
  return (
    <Space size={4} wrap>
      {ids.map((m) => (
        <Tag key={m} color="blue">{m}</Tag>
      ))}
    </Space>
  );
}

/** A decision as drafted or taken: its kind and content, in the reviewer's words. */
export function DecisionSummary({ decision, checklist }: { decision: DraftedDecision; checklist: ChecklistItem[] }) {
  const { t, tk } = useI18n();
  const { token } = theme.useToken();
  const label = useItemLabel(checklist);
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label={t('review.decision.kind')}>{tk('review.decision.kind', decision.kind)}</Descriptions.Item>
      {decision.items && (
        <Descriptions.Item label={t('review.decision.items')}>
          <ol style={{ margin: 0, paddingInlineStart: token.paddingLG }}>
            {decision.items.map((i, n) => (
              <li key={`${i.item}-${n}`}>{t('review.decision.itemLine', { item: label(i.item), reason: i.reason })}</li>
            ))}
          </ol>
        </Descriptions.Item>
      )}
      {decision.deadline && <Descriptions.Item label={t('review.return.deadline')}>{decision.deadline}</Descriptions.Item>}
      {decision.reason && <Descriptions.Item label={t('review.reject.reason')}>{decision.reason}</Descriptions.Item>}
      {decision.opinion && <Descriptions.Item label={t('review.recommend.opinion')}>{decision.opinion}</Descriptions.Item>}
      {decision.measuresIds && (
        <Descriptions.Item label={t('review.measuresIds')}>
          <Measures ids={decision.measuresIds} />
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The decision taken on the case, once taken. */
export function OutcomePanel({ review, checklist }: { review: ReviewCase; checklist: ChecklistItem[] }) {
  const { t } = useI18n();
  const decision: DraftedDecision | null =
    review.state === 'RETURNED_FOR_CORRECTION'
      ? { kind: 'RETURN', items: review.correction.items ?? [], deadline: review.correction.deadline ?? undefined, measuresIds: review.measuresIds }
      : review.state === 'REJECTED_AT_PRELIMINARY_REVIEW'
        ? { kind: 'REJECT', reason: review.decisionReason ?? undefined, measuresIds: review.measuresIds }
        : review.state === 'RECOMMENDED'
          ? { kind: 'RECOMMEND', opinion: review.opinion ?? undefined }
          : null;
  if (!decision) return null;
  return (
    <Card title={t('review.outcome.title')} extra={<Typography.Text type="secondary">{t('review.outcome.decidedAt', { at: formatBeijing(review.decidedAt) })}</Typography.Text>} data-testid="review-outcome">
      <DecisionSummary decision={decision} checklist={checklist} />
    </Card>
  );
}
