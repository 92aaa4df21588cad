import { Select } from 'antd';
import { useEffect } from 'react';
import { $api } from '../api/query';
import { useI18n } from '../i18n/i18n';

/** The annual batches as a select, newest first; picks the newest when nothing is chosen. */
export function BatchSelect({ id, value, onChange, allowClear, placeholder }: { id?: string; value?: string; onChange?: (v: string | undefined) => void; allowClear?: boolean; placeholder?: string }) {
  const { t } = useI18n();
  const batches = $api.useQuery('get', '/api/batches');
  const sorted = [...(batches.data ?? [])].sort((a, b) => b.year - a.year || b.windowOpensAt.localeCompare(a.windowOpensAt));
  const first = sorted[0]?.id;
  useEffect(() => {
    if (!value && first && !allowClear) onChange?.(first);
  }, [value, first, allowClear, onChange]);
  return (
    <Select
      id={id}
      aria-label={t('batch.select')}
      style={{ minWidth: 320 }}
      loading={batches.isPending}
      value={value}
      allowClear={allowClear}
      placeholder={placeholder ?? t('batch.select.placeholder')}
      onChange={onChange}
      options={sorted.map((b) => ({ value: b.id, label: b.name }))}
    />
  );
}
