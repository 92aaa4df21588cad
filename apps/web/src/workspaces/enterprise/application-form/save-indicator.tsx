import { Alert, Button, Space, theme, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/i18n';
import { formatBeijing } from '../../../shared/ui/beijing-time';
import type { SaveStatus } from './use-autosave';

/** The autosave's state beside the form's title, with a retry after a failure and a reload after a conflict. */
export function SaveIndicator({ status, onRetry, onReload }: { status: SaveStatus; onRetry(): void; onReload(): void }) {
  const { t } = useI18n();
  const text: Record<SaveStatus['kind'], string> = {
    idle: t('form.save.idle'),
    pending: t('form.save.pending'),
    saving: t('form.save.saving'),
    saved: status.kind === 'saved' ? t('form.save.saved', { time: formatBeijing(status.at, 'clock') }) : '',
    invalid: status.kind === 'invalid' ? t('form.save.invalid', { count: status.count }) : '',
    failed: status.kind === 'failed' ? t('form.save.failed', { reason: status.title }) : '',
    conflict: t('form.save.conflict.short'),
  };
  const type = status.kind === 'conflict' ? 'warning' : status.kind === 'invalid' || status.kind === 'failed' ? 'danger' : status.kind === 'saved' ? 'success' : 'secondary';
  return (
    <Space>
      <Typography.Text type={type} role="status" aria-live="polite" data-testid="autosave-status">
        {text[status.kind]}
      </Typography.Text>
      {status.kind === 'failed' && <Button size="small" onClick={onRetry}>{t('common.retry')}</Button>}
      {status.kind === 'conflict' && <Button size="small" type="primary" onClick={onReload}>{t('form.save.reload')}</Button>}
    </Space>
  );
}

/** A save refused as stale (409): the draft changed elsewhere; the way on is to reload it. */
export function ConflictAlert({ onReload }: { onReload(): void }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: token.margin }}
      title={t('form.save.conflict')}
      description={t('form.save.conflict.help')}
      action={<Button type="primary" onClick={onReload}>{t('form.save.reload')}</Button>}
    />
  );
}
