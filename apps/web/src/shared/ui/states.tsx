import { Button, Empty, Result, Spin } from 'antd';
import { ReactNode } from 'react';
import { Problem, ProblemError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useNavigate } from 'react-router';

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

/** A query's error as problem details (the query layer raises ProblemErrors; anything else is the client's own). */
export function problemOf(error: unknown): Problem | null {
  if (error === null || error === undefined) return null;
  return error instanceof ProblemError ? error.problem : { title: String(error), status: 0, code: 'CLIENT' };
}

/** A query's loading and error states as LoadState's props: `<LoadState {...queryState(q)}>`. */
export function queryState(query: { isPending: boolean; error: unknown; refetch: () => Promise<unknown> }) {
  return { loading: query.isPending, error: problemOf(query.error), onRetry: () => void query.refetch() };
}

/** 404 and 403: the thing is not there or not the caller's; retrying cannot help. */
export const isNotFoundOrForbidden = (error: Problem) => error.status === 404 || error.status === 403;

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
