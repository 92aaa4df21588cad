import { Card, Table, Tabs, Tag } from 'antd';
import { api, unwrap } from '../../shared/api/client';
import type { CalendarView, PublicRecognition } from '../../shared/api/views';
import { LoadState } from '../../shared/ui/states';
import { useLoad } from '../../shared/hooks/use-load';
import { useI18n } from '../../shared/i18n/i18n';

function Registry() {
  const { t, tk } = useI18n();
  const r = useLoad(() => unwrap<PublicRecognition[]>(api.GET('/api/public/recognitions')), []);
  return (
    <LoadState loading={r.loading} error={r.error} empty={!r.data?.length} emptyText={t('public.registry.empty')} onRetry={r.reload}>
      <Table<PublicRecognition>
        rowKey={(x) => `${x.documentNo}-${x.product.model}`}
        dataSource={r.data}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('public.registry.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('public.registry.product'), render: (_, x) => x.product.name },
          { title: t('public.registry.model'), render: (_, x) => x.product.model },
          { title: t('public.registry.kind'), render: (_, x) => tk('productKind', x.product.kind) },
          { title: t('public.registry.validFrom'), dataIndex: 'validFrom' },
          { title: t('public.registry.validUntil'), dataIndex: 'validUntil' },
        ]}
      />
    </LoadState>
  );
}

function Calendar() {
  const { t } = useI18n();
  const c = useLoad(() => unwrap<CalendarView>(api.GET('/api/public/calendar')), []);
  const years = c.data?.years ?? [];
  return (
    <LoadState loading={c.loading} error={c.error} empty={!years.length} emptyText={t('public.calendar.empty')} onRetry={c.reload}>
      <Table
        rowKey="year"
        dataSource={years}
        pagination={false}
        columns={[
          { title: t('public.calendar.year'), dataIndex: 'year' },
          { title: t('public.calendar.confirmed'), render: (_, y) => (y.confirmed ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>) },
          { title: t('public.calendar.holidays'), render: (_, y) => c.data!.entries.filter((e) => e.kind === 'holiday' && e.date.startsWith(`${y.year}-`)).length },
          { title: t('public.calendar.makeUpDays'), render: (_, y) => c.data!.entries.filter((e) => e.kind !== 'holiday' && e.date.startsWith(`${y.year}-`)).map((e) => e.date).join('、') },
        ]}
      />
    </LoadState>
  );
}

/** The public area: no sign-in needed. */
export function PublicPage() {
  const { t } = useI18n();
  return (
    <Card title={t('app.publicArea')}>
      <Tabs
        items={[
          { key: 'registry', label: t('public.registry.title'), children: <Registry /> },
          { key: 'calendar', label: t('public.calendar.title'), children: <Calendar /> },
        ]}
      />
    </Card>
  );
}
