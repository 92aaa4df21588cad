import { App, Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import { showProblem } from '../../shared/ui/problem-form';
import { useI18n } from '../../shared/i18n/i18n';
import { ReviewTable } from '../../features/review-panel/review-table';
import type { CompleteReviewResult, ReviewView } from '../../features/review-panel/types';
import { AssignExpertDialog } from './assign-expert-dialog';

const UNDER_REVIEW = 'UNDER_COMPREHENSIVE_REVIEW';

/**
 * The institution's workspace: the applications of the batches commissioned to it, each with its
 * experts and their stage; it assigns experts of its pool and completes the review once every
 * assigned expert has scored (M8.1). The service decides; a refusal shows as a message.
 */
export function InstitutionReviewsPage() {
  const { t, title } = useI18n();
  const { message, modal } = App.useApp();
  const [assigning, setAssigning] = useState<ReviewView | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const complete = (r: ReviewView, reload: () => void) =>
    modal.confirm({
      title: t('institution.complete.title', { no: r.applicationNo }),
      content: t('institution.complete.confirm'),
      okText: t('institution.complete'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const done = await unwrap<CompleteReviewResult>(api.POST('/api/reviews/{id}/complete', { params: { path: { id: r.applicationId } } }));
          message.success(t('institution.completed', { score: done.score }));
          reload();
        } catch (err) {
          showProblem(err, title, message);
        }
      },
    });
  return (
    <>
      <ReviewTable
        title={t('institution.title')}
        emptyText={t('institution.empty')}
        reloadKey={reloadKey}
        actions={(r, reload) => {
          if (r.state !== UNDER_REVIEW) return null;
          const waiting = (r.assignments ?? []).filter((a) => !a.scoredAt).length;
          return (
            <Space orientation="vertical" size={4}>
              <Button size="small" onClick={() => setAssigning(r)}>{t('institution.assign')}</Button>
              <Tooltip title={waiting ? t('institution.complete.pending', { count: waiting }) : undefined}>
                <Button size="small" type={waiting || !r.assignments?.length ? 'default' : 'primary'} onClick={() => complete(r, reload)}>
                  {t('institution.complete')}
                </Button>
              </Tooltip>
            </Space>
          );
        }}
      />
      {assigning && (
        <AssignExpertDialog
          review={assigning}
          onClose={() => setAssigning(null)}
          onAssigned={() => {
            setAssigning(null);
            setReloadKey((k) => k + 1);
          }}
        />
      )}
    </>
  );
}
