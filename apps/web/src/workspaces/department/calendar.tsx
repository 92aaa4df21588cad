import { Card, Col, Flex, Row, Typography } from 'antd';
import { $api } from '../../shared/api/query';
import { useSession } from '../../shared/auth/session';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { beijingToday } from '../../shared/ui/beijing-time';
import { LoadState, queryState } from '../../shared/ui/states';
import { defaultYear, yearsOf } from './calendar-form';
import { YearEditor } from './calendar-year-editor';
import { CalendarYears } from './calendar-years';

/**
 * The Department's working-day calendar (M9.2): the years with their status, one year edited at a
 * time; the year shown is in the URL (`?year=2027`), so a new year being entered survives a reload.
 * The auditor reads it.
 */
export function CalendarPage() {
  const { t } = useI18n();
  const { actor } = useSession();
  const editable = actor?.role === 'department_officer';
  const cal = $api.useQuery('get', '/api/public/calendar');
  const [{ year: chosen }, set] = useSearchState({ year: 0 });
  const view = cal.data;
  // The Department may name a year the calendar does not have yet: the one it is about to enter.
  const years = view ? yearsOf(view, editable && chosen > 0 ? chosen : undefined) : [];
  const selected = view && (years.includes(chosen) ? chosen : defaultYear(view, years, beijingToday().year()));
  const meta = view?.years.find((y) => y.year === selected);
  return (
    <Flex vertical gap="large">
      <Card title={t('calendar.title')}>
        <Typography.Paragraph type="secondary">{t('calendar.help')}</Typography.Paragraph>
      </Card>
      <LoadState {...queryState(cal)} empty={view ? years.length === 0 && !editable : undefined} emptyText={t('calendar.empty')}>
        {view && (
          <Row gutter={[24, 24]}>
            <Col xs={24} lg={7}>
              <CalendarYears view={view} years={years} selected={selected} editable={editable} onChoose={(year) => set({ year })} />
            </Col>
            <Col xs={24} lg={17}>
              {selected !== undefined && (
                // A new form when the saved year changes (after a save, or another officer's).
                <YearEditor key={`${selected}:${meta?.confirmedAt ?? ''}:${meta?.source ?? ''}:${view.entries.length}`} year={selected} view={view} editable={editable} />
              )}
            </Col>
          </Row>
        )}
      </LoadState>
    </Flex>
  );
}
