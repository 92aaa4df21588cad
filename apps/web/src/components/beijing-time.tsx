import { Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

const BEIJING_OFFSET_MS = 8 * 3600_000;

/**
 * Dates and times typed in the UI are Beijing time (UTC+8, no daylight saving), whatever zone the
 * browser is in: the picker's wall-clock fields are read as Beijing time.
 */
export const beijingIso = (d: Dayjs): string => `${d.format('YYYY-MM-DDTHH:mm:ss')}+08:00`;

/** An instant as Beijing wall-clock time in a picker (whose fields the browser reads as local). */
export const beijingPickerValue = (iso: string): Dayjs => dayjs(new Date(Date.parse(iso) + BEIJING_OFFSET_MS).toISOString().slice(0, 19));

/** An instant shown as Beijing wall-clock time (the platform's time, whatever the browser's zone). */
export const formatBeijing = (iso: string, format = 'YYYY-MM-DD HH:mm'): string => beijingPickerValue(iso).format(format);

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
