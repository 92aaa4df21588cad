import { Alert, App, Button, Calendar, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, List, Row, Space, Tag, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api, ProblemError, unwrap } from '../../shared/api/client';
import { useSession } from '../../shared/auth/session';
import { formName, showProblem } from '../../shared/ui/problem-form';
import { LoadState } from '../../shared/ui/states';
import { useLoad } from '../../shared/hooks/use-load';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { beijingToday, formatBeijing } from '../../shared/ui/beijing-time';

// The calendar as publicity's GetCalendar sends it (kept here until views.ts is generated).
interface CalendarView {
  years: Array<{ year: number; confirmed: boolean; source: string; confirmedAt: string | null }>;
  entries: Array<{ date: string; kind: string; nameZh: string }>;
}

type Kind = 'holiday' | 'makeup_workday';
interface DayRow {
  date?: Dayjs | null;
  nameZh?: string;
}
interface YearForm {
  source: string;
  confirmed: boolean;
  holidays: DayRow[];
  makeupWorkdays: DayRow[];
}

/** The two lists of the form, in the order their entries are sent. */
const LISTS: Array<{ name: 'holidays' | 'makeupWorkdays'; kind: Kind }> = [
  { name: 'holidays', kind: 'holiday' },
  { name: 'makeupWorkdays', kind: 'makeup_workday' },
];
const ISO = 'YYYY-MM-DD';
const isWeekend = (d: Dayjs) => d.day() === 0 || d.day() === 6;

/** The rows with a date, as the server's entries (holidays first): what is saved, in that order. */
function entriesOf(v: YearForm): Array<{ date: string; kind: Kind; nameZh: string; list: 'holidays' | 'makeupWorkdays'; index: number }> {
  return LISTS.flatMap(({ name, kind }) =>
    (v[name] ?? []).map((r, index) => ({ date: r?.date ? r.date.format(ISO) : '', kind, nameZh: (r?.nameZh ?? '').trim(), list: name, index })),
  );
}

/**
 * One year: its notice, its holidays and make-up working days as editable lists checked at the
 * field as the server checks them (a date of the year, no date twice, make-up days on weekends),
 * a month view, and the confirmation. The year is saved whole in one request: nothing half-saved.
 */
function YearEditor({ year, view, editable, onSaved }: { year: number; view: CalendarView; editable: boolean; onSaved(): void }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<YearForm>();
  const [saving, setSaving] = useState(false);
  const meta = view.years.find((y) => y.year === year);
  const initial = useMemo<YearForm>(() => {
    const of = (kind: Kind) =>
      view.entries.filter((e) => e.kind === kind && e.date.startsWith(`${year}-`)).map((e) => ({ date: dayjs(e.date), nameZh: e.nameZh }));
    return { source: meta?.source ?? '', confirmed: meta?.confirmed ?? false, holidays: of('holiday'), makeupWorkdays: of('makeup_workday') };
  }, [view, year, meta]);
  const holidays = Form.useWatch('holidays', form) ?? initial.holidays;
  const makeup = Form.useWatch('makeupWorkdays', form) ?? initial.makeupWorkdays;
  const [month, setMonth] = useState<Dayjs>(() => dayjs(`${year}-01-01`));

  const dateRule = (list: 'holidays' | 'makeupWorkdays', index: number) => ({
    validator: async (_: unknown, value: Dayjs | null | undefined) => {
      if (!value) throw new Error(t('calendar.error.dateRequired'));
      if (value.year() !== year) throw new Error(t('calendar.error.notInYear', { year }));
      if (list === 'makeupWorkdays' && !isWeekend(value)) throw new Error(t('calendar.error.makeupWeekday'));
      const all = entriesOf(form.getFieldsValue(true) as YearForm);
      const first = all.find((e) => e.date === value.format(ISO));
      if (first && (first.list !== list || first.index !== index)) throw new Error(t('calendar.error.twice'));
    },
  });

  const save = async (v: YearForm) => {
    setSaving(true);
    const entries = entriesOf(v);
    try {
      await unwrap(
        api.PUT('/api/calendar/years/{year}', {
          params: { path: { year } },
          body: { source: v.source.trim(), confirmed: v.confirmed, entries: entries.map(({ date, kind, nameZh }) => ({ date, kind, nameZh })) },
        }),
      );
      message.success(t(v.confirmed ? 'calendar.savedConfirmed' : 'calendar.saved', { year }));
      onSaved();
    } catch (err) {
      // The server names entries by their place in what was sent (entries.3.date): back to the row.
      if (err instanceof ProblemError && err.problem.errors?.some((e) => e.field.startsWith('entries.'))) {
        const fields = err.problem.errors.flatMap((e) => {
          const [, n, ...rest] = formName(e.field);
          const entry = e.field.startsWith('entries.') ? entries[Number(n)] : undefined;
          return entry ? [{ name: [entry.list, entry.index, ...(rest[0] === 'kind' ? ['date'] : rest)], errors: [title(e.message)] }] : [];
        });
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        message.error(title(err.problem.title));
      } else showProblem(err, title, message, form);
    } finally {
      setSaving(false);
    }
  };

  const dayList = (list: 'holidays' | 'makeupWorkdays') => {
    const dateKey: MessageKey = list === 'holidays' ? 'calendar.holiday.dateN' : 'calendar.makeup.dateN';
    const nameKey: MessageKey = list === 'holidays' ? 'calendar.holiday.nameN' : 'calendar.makeup.nameN';
    return (
      <Form.List name={list}>
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid={`calendar-${list}`}>
            {fields.map((field, i) => (
              <Space key={field.key} align="start" wrap>
                <Form.Item name={[field.name, 'date']} label={t(dateKey, { n: i + 1 })} rules={[dateRule(list, field.name)]} validateFirst>
                  <DatePicker format={ISO} defaultPickerValue={dayjs(`${year}-01-01`)} disabled={!editable} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'nameZh']}
                  label={t(nameKey, { n: i + 1 })}
                  rules={[
                    { required: true, whitespace: true, message: t('calendar.error.nameRequired') },
                    { max: 50, message: t('calendar.error.nameTooLong') },
                  ]}
                >
                  <Input
                    style={{ width: 220 }}
                    placeholder={t(list === 'holidays' ? 'calendar.holiday.name.placeholder' : 'calendar.makeup.name.placeholder')}
                    disabled={!editable}
                  />
                </Form.Item>
                {editable && (
                  <Button type="link" danger onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                    {t('calendar.remove')}
                  </Button>
                )}
              </Space>
            ))}
            {editable && (
              <Button type="dashed" onClick={() => add({ date: null, nameZh: '' })}>
                {t('calendar.add')}
              </Button>
            )}
          </Space>
        )}
      </Form.List>
    );
  };

  const byDate = new Map<string, { kind: Kind; nameZh?: string }>();
  for (const [rows, kind] of [[holidays, 'holiday'], [makeup, 'makeup_workday']] as const) {
    for (const r of rows ?? []) if (r?.date) byDate.set(dayjs(r.date).format(ISO), { kind, nameZh: r.nameZh });
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t('calendar.year', { year })}
        extra={meta?.confirmed ? <Tag color="success">{t('calendar.confirmed')}</Tag> : <Tag color="warning">{t('calendar.unconfirmed')}</Tag>}
      >
        {!meta?.confirmed && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('calendar.unconfirmed.help')} />}
        {!editable && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('calendar.readOnly')} />}
        <Form<YearForm>
          form={form}
          name="calendarYear"
          layout="vertical"
          initialValues={initial}
          onFinish={save}
          onFinishFailed={({ errorFields }) => message.error(t('calendar.invalid', { count: errorFields.length }))}
          disabled={!editable}
        >
          <Form.Item name="source" label={t('calendar.source')} rules={[{ required: true, whitespace: true, message: t('calendar.error.sourceRequired') }, { max: 300 }]}>
            <Input placeholder={t('calendar.source.placeholder')} />
          </Form.Item>
          <Row gutter={24}>
            <Col xs={24} xl={12}>
              <Typography.Title level={5}>{t('calendar.holidays')}</Typography.Title>
              {dayList('holidays')}
            </Col>
            <Col xs={24} xl={12}>
              <Typography.Title level={5}>{t('calendar.makeup')}</Typography.Title>
              <Typography.Paragraph type="secondary">{t('calendar.makeup.help')}</Typography.Paragraph>
              {dayList('makeupWorkdays')}
            </Col>
          </Row>
          <Form.Item name="confirmed" valuePropName="checked" style={{ marginTop: 16 }}>
            <Checkbox>{t('calendar.confirm')}</Checkbox>
          </Form.Item>
          {editable && (
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('calendar.save')}
            </Button>
          )}
        </Form>
      </Card>
      <Card title={t('calendar.month')} data-testid="calendar-month">
        <Calendar
          value={month}
          onPanelChange={(d) => setMonth(d)}
          onSelect={(d) => setMonth(d)}
          validRange={[dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]}
          cellRender={(d, info) => {
            if (info.type !== 'date') return null;
            const e = byDate.get(d.format(ISO));
            if (!e) return null;
            return (
              <Space size={4} wrap>
                <Tag color={e.kind === 'holiday' ? 'red' : 'blue'}>{t(e.kind === 'holiday' ? 'calendar.tag.holiday' : 'calendar.tag.makeup')}</Tag>
                <Typography.Text style={{ fontSize: 12 }}>{e.nameZh}</Typography.Text>
              </Space>
            );
          }}
        />
      </Card>
    </Space>
  );
}

/** The Department's working-day calendar (M9.2): the years with their status, one year edited at a time. */
export function CalendarPage() {
  const { t } = useI18n();
  const { actor } = useSession();
  const editable = actor?.role === 'department_officer';
  const cal = useLoad(() => unwrap<CalendarView>(api.GET('/api/public/calendar')), []);
  const [added, setAdded] = useState<number[]>([]);
  const [chosen, setChosen] = useState<number | null>(null);
  const [newYear, setNewYear] = useState<number | null>(beijingToday().year() + 1);
  const view = cal.data;
  const years = useMemo(() => [...new Set([...(view?.years.map((y) => y.year) ?? []), ...added])].sort((a, b) => b - a), [view, added]);
  // By default the nearest year still to confirm, else the current year.
  const now = beijingToday().year();
  const selected =
    chosen ?? years.filter((y) => y >= now && !view?.years.find((v) => v.year === y)?.confirmed).sort((a, b) => a - b)[0] ?? (years.includes(now) ? now : years[0]);
  const counts = (year: number) => {
    const of = (kind: string) => view?.entries.filter((e) => e.kind === kind && e.date.startsWith(`${year}-`)).length ?? 0;
    return t('calendar.counts', { holidays: of('holiday'), makeup: of('makeup_workday') });
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('calendar.title')}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('calendar.help')}</Typography.Paragraph>
      </Card>
      <LoadState loading={cal.loading} error={cal.error} empty={view ? years.length === 0 && !editable : undefined} emptyText={t('calendar.empty')} onRetry={cal.reload}>
        {view && (
          <Row gutter={24}>
            <Col xs={24} lg={7}>
              <Card title={t('calendar.years')}>
                <List
                  dataSource={years}
                  locale={{ emptyText: t('calendar.empty') }}
                  renderItem={(year) => {
                    const meta = view.years.find((y) => y.year === year);
                    return (
                      <List.Item
                        data-testid={`calendar-year-${year}`}
                        onClick={() => setChosen(year)}
                        style={{ cursor: 'pointer', background: year === selected ? '#fff1f0' : undefined, paddingInline: 12 }}
                      >
                        <List.Item.Meta
                          title={
                            <Space>
                              <Typography.Link onClick={() => setChosen(year)}>{t('calendar.year', { year })}</Typography.Link>
                              {meta?.confirmed ? <Tag color="success">{t('calendar.confirmed')}</Tag> : <Tag color="warning">{t('calendar.unconfirmed')}</Tag>}
                            </Space>
                          }
                          description={meta ? `${counts(year)}${meta.confirmedAt ? ` · ${t('calendar.confirmedAt', { time: formatBeijing(meta.confirmedAt, 'date') })}` : ''}` : undefined}
                        />
                      </List.Item>
                    );
                  }}
                />
                {editable && (
                  <Space style={{ marginTop: 16 }} wrap>
                    <InputNumber aria-label={t('calendar.addYear.label')} min={2000} max={2999} value={newYear} onChange={(v) => setNewYear(v)} />
                    <Button
                      onClick={() => {
                        if (!newYear) return;
                        if (!years.includes(newYear)) setAdded((a) => [...a, newYear]);
                        setChosen(newYear);
                      }}
                    >
                      {t('calendar.addYear')}
                    </Button>
                  </Space>
                )}
              </Card>
            </Col>
            <Col xs={24} lg={17}>
              {selected !== undefined && (
                <YearEditor key={`${selected}:${view.years.find((y) => y.year === selected)?.confirmedAt ?? ''}:${view.entries.length}`} year={selected} view={view} editable={editable} onSaved={cal.reload} />
              )}
            </Col>
          </Row>
        )}
      </LoadState>
    </Space>
  );
}
