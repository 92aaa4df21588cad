import { $api } from '../../shared/api/query';
import type { CalendarView } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { queryState } from '../../shared/ui/problem';
import { DataTable, LoadState, Tag } from './ui';

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
      <DataTable
        caption={t('public.calendar.title')}
        captionHidden
        rows={years}
        rowKey={(y) => String(y.year)}
        columns={[
          { title: t('public.calendar.year'), cell: (y) => y.year },
          { title: t('public.calendar.confirmed'), cell: (y) => (y.confirmed ? <Tag tone="success">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>) },
          { title: t('public.calendar.holidays'), cell: (y) => ofYear(entries, y.year).filter((e) => e.kind === 'holiday').length },
          { title: t('public.calendar.makeUpDays'), cell: (y) => ofYear(entries, y.year).filter((e) => e.kind !== 'holiday').map((e) => e.date).join('、') },
        ]}
      />
    </LoadState>
  );
}
