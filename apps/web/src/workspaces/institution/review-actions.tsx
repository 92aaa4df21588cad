import { App, Button, Space, Tooltip } from 'antd';
import { $api, useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';
import type { ReviewView } from '../../features/review-panel/types';

const UNDER_REVIEW = 'UNDER_COMPREHENSIVE_REVIEW';

/** Completing a review (M8.1) changes the case's state and score, and what the Department can list. */
function useCompleteReview() {
  const invalidate = useInvalidate();
  return $api.useMutation('post', '/api/reviews/{id}/complete', {
    onSuccess: () => invalidate('/api/reviews/search', '/api/reviews', '/api/decision-lists/candidates'),
  });
}

/**
 * A case's buttons while it is in review: assign an expert, and complete the review once every
 * assigned expert has scored (the service decides; a refusal shows as a message).
 */
export function ReviewActions({ review, onAssign }: { review: ReviewView; onAssign(review: ReviewView): void }) {
  const { t, title } = useI18n();
  const { message, modal } = App.useApp();
  const complete = useCompleteReview();
  if (review.state !== UNDER_REVIEW) return null;
  // Recused experts never score and never count (M11.1): only active ones are waited for.
  const waiting = (review.assignments ?? []).filter((a) => a.status === 'active' && !a.scoredAt).length;
  const confirm = () =>
    modal.confirm({
      title: t('institution.complete.title', { no: review.applicationNo }),
      content: t('institution.complete.confirm'),
      okText: t('institution.complete'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const done = await complete.mutateAsync({ params: { path: { id: review.applicationId } } });
          message.success(t('institution.completed', { score: done.score }));
        } catch (err) {
          showProblem(err, title, message);
        }
      },
    });
  return (
    <Space orientation="vertical" size={4}>
      <Button size="small" onClick={() => onAssign(review)}>{t('institution.assign')}</Button>
      <Tooltip title={waiting ? t('institution.complete.pending', { count: waiting }) : undefined}>
        <Button size="small" type={waiting || !review.assignments?.length ? 'default' : 'primary'} onClick={confirm}>
          {t('institution.complete')}
        </Button>
      </Tooltip>
    </Space>
  );
}
