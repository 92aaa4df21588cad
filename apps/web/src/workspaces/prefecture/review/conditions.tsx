import { Card, Typography } from 'antd';
import type { CaseCondition, ChecklistItem, FormalReviewSheet, OpenReviewItem } from '../../../shared/api/views';
import { useI18n } from '../../../shared/i18n/i18n';
import { openAt } from './open-here';
import { ConditionRow } from './condition-row';

/** The eligibility checklist (M5, M6): one row per condition, judged by the officer like the materials (M12.1). */
export function Conditions({ applicationId, conditions, checklist, editable, open, onSaved }: {
  applicationId: string;
  conditions: CaseCondition[];
  checklist: ChecklistItem[];
  editable: boolean;
  open: OpenReviewItem[];
  onSaved(sheet: FormalReviewSheet): void;
}) {
  const { t } = useI18n();
  const done = conditions.filter((c) => c.verdict && !c.verdict.staleSince).length;
  return (
    <Card
      title={t('review.conditions.title')}
      data-testid="review-conditions"
      extra={<Typography.Text type="secondary">{t('review.conditions.progress', { done, total: conditions.length })}</Typography.Text>}
    >
      {conditions.map((c) => (
        <ConditionRow
          // A verdict saved elsewhere (another officer, a refresh) resets the row's form to it.
          key={`${c.conditionId}@${c.verdict?.reviewedAt ?? ''}`}
          applicationId={applicationId}
          condition={c}
          checklist={checklist}
          editable={editable}
          open={openAt(open, `conditions.${c.conditionId}`)}
          onSaved={onSaved}
        />
      ))}
    </Card>
  );
}
