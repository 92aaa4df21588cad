import { Button, DatePicker, Flex, Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { useI18n } from '../../shared/i18n/i18n';
import { ISO, ListName } from './calendar-form';

const KEYS: Record<ListName, { date: MessageKey; name: MessageKey; placeholder: MessageKey }> = {
  holidays: { date: 'calendar.holiday.dateN', name: 'calendar.holiday.nameN', placeholder: 'calendar.holiday.name.placeholder' },
  makeupWorkdays: { date: 'calendar.makeup.dateN', name: 'calendar.makeup.nameN', placeholder: 'calendar.makeup.name.placeholder' },
};

/** One list of the year (holidays or make-up working days): a date and a name a row, added and removed while editable. */
export function DayList({ list, year, editable, dateRule }: { list: ListName; year: number; editable: boolean; dateRule: (list: ListName, index: number) => Rule }) {
  const { t } = useI18n();
  const keys = KEYS[list];
  return (
    <Form.List name={list}>
      {(fields, { add, remove }) => (
        <Flex vertical gap="small" data-testid={`calendar-${list}`}>
          {fields.map((field, i) => (
            <Flex key={field.key} align="start" gap="small" wrap>
              <Form.Item name={[field.name, 'date']} label={t(keys.date, { n: i + 1 })} rules={[dateRule(list, field.name)]} validateFirst>
                <DatePicker format={ISO} defaultPickerValue={dayjs(`${year}-01-01`)} disabled={!editable} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'nameZh']}
                label={t(keys.name, { n: i + 1 })}
                rules={[
                  { required: true, whitespace: true, message: t('calendar.error.nameRequired') },
                  { max: 50, message: t('calendar.error.nameTooLong') },
                ]}
              >
                <Input style={{ width: 220 }} placeholder={t(keys.placeholder)} disabled={!editable} />
              </Form.Item>
              {editable && (
                // An empty label keeps the button level with the fields beside it.
                <Form.Item label=" " colon={false}>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    {t('calendar.remove')}
                  </Button>
                </Form.Item>
              )}
            </Flex>
          ))}
          {editable && (
            <Button type="dashed" onClick={() => add({ date: null, nameZh: '' })}>
              {t('calendar.add')}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}
