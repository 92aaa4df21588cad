import { DatePicker, Form } from 'antd';
import { useI18n } from '../../../../../shared/i18n/i18n';
import type { MessageKey } from '../../../../../shared/i18n/zh-CN';
import { YesNo } from './yes-no';

/** M5.1: whether an accident of the kind happened in the last three years, and if so, when. */
export function Accidents({
  which,
  label,
  datesLabel,
  disabled,
}: {
  which: 'safety' | 'environmental';
  label: MessageKey;
  datesLabel: MessageKey;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const key = which === 'safety' ? 'safetyAccidentDates' : 'environmentalAccidentDates';
  return (
    <>
      <Form.Item name={['accidents', which]} label={t(label)} required>
        <YesNo label={t(label)} disabled={disabled} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.accidents?.[which] !== b.accidents?.[which]}>
        {({ getFieldValue }) =>
          getFieldValue(['accidents', which]) === true && (
            <Form.Item name={['declarations', key]} label={t(datesLabel)}>
              <DatePicker multiple format="YYYY-MM-DD" disabled={disabled} style={{ minWidth: 260 }} />
            </Form.Item>
          )
        }
      </Form.Item>
    </>
  );
}
