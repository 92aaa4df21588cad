import { Flex, Select } from 'antd';
import { useI18n } from '../../shared/i18n/i18n';
import { BatchSelect } from '../../shared/ui/batch-select';
import { REVIEW_STATES, ReviewState } from './types';

/** The review list's filters: the batch and the application's state (either may be all). */
export function ReviewFilters({ batchId, state, onChange }: {
  batchId: string | undefined;
  state: ReviewState | undefined;
  onChange(patch: { batchId?: string; state?: ReviewState }): void;
}) {
  const { t, tk } = useI18n();
  return (
    <Flex wrap gap="small" align="center">
      <label htmlFor="review-batch">{t('batch.select')}</label>
      <BatchSelect id="review-batch" value={batchId} allowClear placeholder={t('panel.batch.all')} onChange={(v) => onChange({ batchId: v, state })} />
      <label htmlFor="review-state">{t('application.state')}</label>
      <Select<ReviewState>
        id="review-state"
        aria-label={t('application.state')}
        style={{ minWidth: 160 }}
        allowClear
        placeholder={t('panel.state.all')}
        value={state}
        onChange={(v) => onChange({ batchId, state: v })}
        options={REVIEW_STATES.map((s) => ({ value: s, label: tk('state', s) }))}
      />
    </Flex>
  );
}
