import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, Row, Tag, theme, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { ProblemError } from '../../shared/api/client';
import { $api, useInvalidate } from '../../shared/api/query';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';
import { CalendarView, entriesOf, entryErrors, initialYear, ISO, isWeekend, ListName, yearBody, YearForm } from './calendar-form';
import { DayList } from './calendar-day-list';
import { CalendarMonth } from './calendar-month';

export const ConfirmedTag = ({ confirmed }: { confirmed?: boolean }) => {
  const { t } = useI18n();
  return confirmed ? <Tag color="success">{t('calendar.confirmed')}</Tag> : <Tag color="warning">{t('calendar.unconfirmed')}</Tag>;
};

/**
 * One year: its notice, its holidays and make-up working days as editable lists checked at the
 * field as the server checks them (a date of the year, no date twice, make-up days on weekends),
 * a month view, and the confirmation. The year is saved whole in one request: nothing half-saved.
 */
export function YearEditor({ year, view, editable }: { year: number; view: CalendarView; editable: boolean }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [form] = Form.useForm<YearForm>();
  const invalidate = useInvalidate();
  const saving = $api.useMutation('put', '/api/calendar/years/{year}', { onSuccess: () => invalidate('/api/public/calendar') });
  const meta = view.years.find((y) => y.year === year);
  const initial = useMemo(() => initialYear(view, year), [view, year]);
  const holidays = Form.useWatch('holidays', form) ?? initial.holidays;
  const makeup = Form.useWatch('makeupWorkdays', form) ?? initial.makeupWorkdays;

  const dateRule = (list: ListName, index: number) => ({
    validator: async (_: unknown, value: Dayjs | null | undefined) => {
      if (!value) throw new Error(t('calendar.error.dateRequired'));
      if (value.year() !== year) throw new Error(t('calendar.error.notInYear', { year }));
      if (list === 'makeupWorkdays' && !isWeekend(value)) throw new Error(t('calendar.error.makeupWeekday'));
      const first = entriesOf(form.getFieldsValue(true) as YearForm).find((e) => e.date === value.format(ISO));
      if (first && (first.list !== list || first.index !== index)) throw new Error(t('calendar.error.twice'));
    },
  });

  const save = async (v: YearForm) => {
    const entries = entriesOf(v);
    try {
      await saving.mutateAsync({ params: { path: { year } }, body: yearBody(v, entries) });
      message.success(t(v.confirmed ? 'calendar.savedConfirmed' : 'calendar.saved', { year }));
    } catch (err) {
      const atRows = err instanceof ProblemError ? entryErrors(err.problem.errors ?? [], entries) : [];
      if (err instanceof ProblemError && atRows.length) {
        form.setFields(atRows.map((e) => ({ name: e.name as Parameters<typeof form.setFields>[0][number]['name'], errors: [title(e.message)] })));
        message.error(title(err.problem.title));
      } else showProblem(err, title, message, form);
    }
  };

  return (
    <Flex vertical gap="large">
      <Card title={t('calendar.year', { year })} extra={<ConfirmedTag confirmed={meta?.confirmed} />}>
        <Flex vertical gap="middle">
          {!meta?.confirmed && <Alert type="warning" showIcon title={t('calendar.unconfirmed.help')} />}
          {!editable && <Alert type="info" showIcon title={t('calendar.readOnly')} />}
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
                <DayList list="holidays" year={year} editable={editable} dateRule={dateRule} />
              </Col>
              <Col xs={24} xl={12}>
                <Typography.Title level={5}>{t('calendar.makeup')}</Typography.Title>
                <Typography.Paragraph type="secondary">{t('calendar.makeup.help')}</Typography.Paragraph>
                <DayList list="makeupWorkdays" year={year} editable={editable} dateRule={dateRule} />
              </Col>
            </Row>
            <Form.Item name="confirmed" valuePropName="checked" style={{ marginTop: token.margin }}>
              <Checkbox>{t('calendar.confirm')}</Checkbox>
            </Form.Item>
            {editable && (
              <Button type="primary" htmlType="submit" loading={saving.isPending}>
                {t('calendar.save')}
              </Button>
            )}
          </Form>
        </Flex>
      </Card>
      <CalendarMonth year={year} holidays={holidays} makeup={makeup} />
    </Flex>
  );
}
