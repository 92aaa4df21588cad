import { Button, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { Batch } from '../../shared/api/views';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import type { WindowChange } from './batch-window-dialog';
import { urlPagination } from '../../shared/hooks/url-pagination';

/** Where the application window stands now. */
export const windowStatus = (b: Batch): 'upcoming' | 'open' | 'closed' =>
  dayjs().isBefore(b.windowOpensAt) ? 'upcoming' : dayjs().isBefore(b.windowClosesAt) ? 'open' : 'closed';

/**
 * The batches, paged in the browser (a few a year) with the page in the URL. `onChange` offers the
 * window's extension and early close (M7.1) while it is not closed; without it (the auditor) the
 * table has no action column.
 */
export function BatchTable({ batches, onChange }: { batches: Batch[]; onChange?: (batch: Batch, change: WindowChange) => void }) {
  const { t, tk, locale } = useI18n();
  const [paging, setPaging] = useSearchState({ page: 1, pageSize: 20 });
  const columns: ColumnsType<Batch> = [
    { title: t('batch.year'), dataIndex: 'year', width: 80 },
    { title: t('batch.name'), dataIndex: 'name' },
    { title: t('batch.windowOpensAt'), render: (_, b) => formatBeijing(b.windowOpensAt) },
    { title: t('batch.windowClosesAt'), render: (_, b) => formatBeijing(b.windowClosesAt) },
    { title: t('batch.prefectureDeadline'), dataIndex: 'prefectureDeadline' },
    {
      title: t('policy.profile'),
      render: (_, b) => (
        <span data-testid="batch-policy-profile">
          {t('policy.profile.label', { name: locale === 'en' ? b.policyProfileNameEn : b.policyProfileNameZh, version: b.policyProfileVersion })}
        </span>
      ),
    },
    { title: t('batch.window.status'), render: (_, b) => tk('batch.window.status', windowStatus(b)) },
  ];
  if (onChange) {
    columns.push({
      title: t('common.actions'),
      render: (_, b) =>
        windowStatus(b) !== 'closed' && (
          <Space>
            <Button size="small" onClick={() => onChange(b, 'extend')}>{t('batch.window.extend')}</Button>
            <Button size="small" danger onClick={() => onChange(b, 'close')}>{t('batch.window.close')}</Button>
          </Space>
        ),
    });
  }
  return <Table<Batch> rowKey="id" dataSource={batches} pagination={urlPagination(paging, setPaging)} columns={columns} />;
}
