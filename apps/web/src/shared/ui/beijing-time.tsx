import { Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { beijingFields } from './beijing-format';

export { formatBeijing, type BeijingFormat } from './beijing-format';

/**
 * Dates and times typed in the UI are Beijing time (UTC+8, no daylight saving), whatever zone the
 * browser is in: the picker's wall-clock fields are read as Beijing time.
 */
export const beijingIso = (d: Dayjs): string => `${d.format('YYYY-MM-DDTHH:mm:ss')}+08:00`;

/** An instant as Beijing wall-clock time in a picker (whose fields the browser reads as local). */
export const beijingPickerValue = (at: string | Date): Dayjs => dayjs(beijingFields(at));

/** Today in Beijing, as a picker value (the China date the services compare with). */
export const beijingToday = (): Dayjs => beijingPickerValue(new Date().toISOString()).startOf('day');

/** A field label that says its date or time is Beijing time. */
export function BeijingLabel({ label }: { label: ReactNode }) {
  const { t } = useI18n();
  return (
    <span>
      {label}
      <Typography.Text type="secondary" style={{ marginInlineStart: 4, fontWeight: 'normal' }}>
        （{t('common.beijingTime')}）
      </Typography.Text>
    </span>
  );
}
