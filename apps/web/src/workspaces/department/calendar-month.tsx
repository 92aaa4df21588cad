import { Calendar, Card, Flex, Select, Tag, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { byDate, DayRow, ISO } from './calendar-form';

/** The year's months with its holidays and make-up working days as the form holds them (saved or not). */
export function CalendarMonth({ year, holidays, makeup }: { year: number; holidays?: DayRow[]; makeup?: DayRow[] }) {
  const { t } = useI18n();
  const [month, setMonth] = useState<Dayjs>(() => dayjs(`${year}-01-01`));
  const days = byDate(holidays, makeup);
  return (
    <Card title={t('calendar.month')} data-testid="calendar-month">
      <Calendar
        value={month}
        onPanelChange={(d) => setMonth(d)}
        onSelect={(d) => setMonth(d)}
        // The year is fixed: only the month is chosen, from a select that says what it is (antd's own
        // year and month selects have no label a screen reader can read).
        headerRender={({ value, onChange }) => (
          <Flex justify="end">
            <Select
              aria-label={t('calendar.monthSelect')}
              value={value.month()}
              onChange={(m: number) => onChange(value.month(m))}
              options={Array.from({ length: 12 }, (_, m) => ({ value: m, label: value.month(m).format('MMMM') }))}
            />
          </Flex>
        )}
        validRange={[dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]}
        cellRender={(d, info) => {
          if (info.type !== 'date') return null;
          const e = days.get(d.format(ISO));
          if (!e) return null;
          return (
            <Flex gap="small" wrap>
              {/* The theme's red for a day off and its blue for a day at work, as printed calendars mark them. */}
              <Tag color={e.kind === 'holiday' ? 'error' : 'processing'}>{t(e.kind === 'holiday' ? 'calendar.tag.holiday' : 'calendar.tag.makeup')}</Tag>
              <Typography.Text>
                <small>{e.nameZh}</small>
              </Typography.Text>
            </Flex>
          );
        }}
      />
    </Card>
  );
}
