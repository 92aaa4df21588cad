import { Button, Empty, Result, Spin } from 'antd';
import { ReactNode } from 'react';
import { Problem } from '../api/client';
import { isNotFoundOrForbidden } from './problem';
import { useI18n } from '../i18n/i18n';
import { useNavigate } from 'react-router';

export { isNotFoundOrForbidden, problemOf, queryState } from './problem';

/** The spinner with its words, announced to screen readers. */
export function Loading() {
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
      <div style={{ marginTop: 12 }}>{t('common.loading')}</div>
    </div>
  );
}

/**
 * Loading, error and empty states, designed once and used by every list and page. A refusal
 * (another prefecture's case, a deleted record) says so, with the way back to `backTo`.
 */
export function LoadState({ loading, error, empty, emptyText, onRetry, backTo = '/', children }: {
  loading: boolean;
  error: Problem | null;
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  backTo?: string;
  children: ReactNode;
}) {
  const { t, title } = useI18n();
  const navigate = useNavigate();
  if (error && isNotFoundOrForbidden(error)) {
    return (
      <Result
        status={error.status === 403 ? '403' : '404'}
        title={t('common.notFoundOrNotYours')}
        subTitle={t('common.notFoundOrNotYours.hint')}
        extra={<Button type="primary" onClick={() => navigate(backTo)}>{t('common.back')}</Button>}
      />
    );
  }
  if (error) {
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={title(error.title)}
        extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
      />
    );
  }
  if (loading && empty !== false) return <Loading />;
  if (empty) return <Empty description={emptyText ?? t('common.empty')} />;
  return <>{children}</>;
}
