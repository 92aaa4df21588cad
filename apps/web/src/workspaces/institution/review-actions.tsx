import { Button } from 'antd';
import { useI18n } from '../../shared/i18n/i18n';
import type { ReviewView } from '../../features/review-panel/types';

const UNDER_REVIEW = 'UNDER_COMPREHENSIVE_REVIEW';

/**
 * A case's button while it is in review: assign an expert. The review is concluded by signing off
 * its report on the case's page (M8.1, M9.1).
 */
export function ReviewActions({ review, onAssign }: { review: ReviewView; onAssign(review: ReviewView): void }) {
  const { t } = useI18n();
  if (review.state !== UNDER_REVIEW) return null;
  return <Button size="small" onClick={() => onAssign(review)}>{t('institution.assign')}</Button>;
}
