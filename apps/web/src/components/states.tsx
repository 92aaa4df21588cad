import { Button, Empty, Result, Spin } from 'antd';
import { ReactNode } from 'react';
import type { Problem } from '../api/client';
import { useI18n } from '../i18n/i18n';

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

/** Loading, error and empty states, designed once and used by every list and page. */
export function LoadState({ loading, error, empty, emptyText, onRetry, children }: {
  loading: boolean;
  error: Problem | null;
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  children: ReactNode;
}) {
  const { t, title } = useI18n();
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
