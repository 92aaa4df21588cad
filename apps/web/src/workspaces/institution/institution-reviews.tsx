import { Button, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { ReviewTable } from '../../features/review-panel/review-table';
import type { ReviewView } from '../../features/review-panel/types';
import { AssignExpertDialog } from './assign-expert-dialog';
import { ReviewActions } from './review-actions';

/**
 * The institution's workspace: the applications of the batches commissioned to it, each with its
 * experts and their stage; it assigns experts of its pool and completes the review once every
 * assigned expert has scored (M8.1). The list's batch, state and page are in the URL.
 */
export function InstitutionReviewsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [assigning, setAssigning] = useState<ReviewView | null>(null);
  return (
    <>
      <ReviewTable title={t('institution.title')} emptyText={t('institution.empty')} actions={(r) => (
          <Space orientation="vertical" size={4}>
            {/* The case's scores by criterion, divergence and consensus rounds (issue 17). */}
            <Button size="small" onClick={() => void navigate(`/institution/reviews/${r.applicationId}`)}>{t('scoring.inst.open')}</Button>
            <ReviewActions review={r} onAssign={setAssigning} />
          </Space>
        )} />
      {assigning && <AssignExpertDialog review={assigning} onClose={() => setAssigning(null)} onAssigned={() => setAssigning(null)} />}
    </>
  );
}
