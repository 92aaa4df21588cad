import { Table, Tag } from 'antd';
import { $api } from '../../shared/api/query';
import type { CalendarView } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadState, queryState } from '../../shared/ui/states';

type Entry = CalendarView['entries'][number];

const ofYear = (entries: Entry[], year: number) => entries.filter((e) => e.date.startsWith(`${year}-`));

/** The working-day calendar: each year, whether confirmed, its holidays and make-up working days. */
export function WorkingCalendar() {
  const { t } = useI18n();
  const c = $api.useQuery('get', '/api/public/calendar');
  const years = c.data?.years ?? [];
  const entries = c.data?.entries ?? [];
  return (
    <LoadState {...queryState(c)} empty={!years.length} emptyText={t('public.calendar.empty')}>
      <Table
        rowKey="year"
        dataSource={years}
        pagination={false}
        columns={[
          { title: t('public.calendar.year'), dataIndex: 'year' },
          { title: t('public.calendar.confirmed'), render: (_, y) => (y.confirmed ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>) },
          { title: t('public.calendar.holidays'), render: (_, y) => ofYear(entries, y.year).filter((e) => e.kind === 'holiday').length },
          { title: t('public.calendar.makeUpDays'), render: (_, y) => ofYear(entries, y.year).filter((e) => e.kind !== 'holiday').map((e) => e.date).join('、') },
        ]}
      />
    </LoadState>
  );
}
