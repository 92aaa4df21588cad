import { useI18n } from '../../shared/i18n/i18n';
import { ReviewTable } from '../../features/review-panel/review-table';

/** Every application in comprehensive review across the region, read only (the Department and auditors). */
export function OversightReviewsPage() {
  const { t } = useI18n();
  return <ReviewTable title={t('oversight.title')} emptyText={t('oversight.empty')} />;
}
