import { Button, Card, InputNumber, List, Space, theme, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { beijingToday, formatBeijing } from '../../shared/ui/beijing-time';
import { CalendarView, countsOf } from './calendar-form';
import { ConfirmedTag } from './calendar-year-editor';

/** The years with their status and counts, the shown one marked; the Department adds a year to enter. */
export function CalendarYears({ view, years, selected, editable, onChoose }: { view: CalendarView; years: number[]; selected?: number; editable: boolean; onChoose(year: number): void }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const [newYear, setNewYear] = useState<number | null>(beijingToday().year() + 1);
  const describe = (year: number) => {
    const meta = view.years.find((y) => y.year === year);
    if (!meta) return undefined;
    const counts = t('calendar.counts', countsOf(view, year));
    return meta.confirmedAt ? `${counts} · ${t('calendar.confirmedAt', { time: formatBeijing(meta.confirmedAt, 'date') })}` : counts;
  };
  return (
    <Card title={t('calendar.years')}>
      <List
        dataSource={years}
        locale={{ emptyText: t('calendar.empty') }}
        renderItem={(year) => (
          <List.Item
            data-testid={`calendar-year-${year}`}
            aria-current={year === selected ? 'true' : undefined}
            style={{ background: year === selected ? token.colorPrimaryBg : undefined, paddingInline: token.paddingSM }}
          >
            <List.Item.Meta
              title={
                <Space>
                  <Typography.Link onClick={() => onChoose(year)}>{t('calendar.year', { year })}</Typography.Link>
                  <ConfirmedTag confirmed={view.years.find((y) => y.year === year)?.confirmed} />
                </Space>
              }
              description={describe(year)}
            />
          </List.Item>
        )}
      />
      {editable && (
        <Space style={{ marginTop: token.margin }} wrap>
          <InputNumber aria-label={t('calendar.addYear.label')} min={2000} max={2999} value={newYear} onChange={(v) => setNewYear(v)} />
          <Button onClick={() => newYear && onChoose(newYear)}>{t('calendar.addYear')}</Button>
        </Space>
      )}
    </Card>
  );
}
