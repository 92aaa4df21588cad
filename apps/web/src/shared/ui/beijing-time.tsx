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

/** An instant's Beijing wall-clock fields, 'YYYY-MM-DDTHH:mm:ss', read without the browser's zone. */
const beijingFields = (at: string | Date): string =>
  new Date((typeof at === 'string' ? Date.parse(at) : at.getTime()) + BEIJING_OFFSET_MS).toISOString().slice(0, 19);

/** An instant as Beijing wall-clock time in a picker (whose fields the browser reads as local). */
export const beijingPickerValue = (at: string | Date): Dayjs => dayjs(beijingFields(at));

/**
 * The ways the console shows a time: to the minute (the default), to the second, the date, the
 * clock, or short; cut from the Beijing fields, so a time the browser's own zone skips (a daylight
 * saving change) still shows as it is in Beijing.
 */
const FORMATS = {
  minute: (f: string) => f.slice(0, 16).replace('T', ' '),
  second: (f: string) => f.replace('T', ' '),
  date: (f: string) => f.slice(0, 10),
  clock: (f: string) => f.slice(11),
  short: (f: string) => f.slice(5, 16).replace('T', ' '),
} as const;
export type BeijingFormat = keyof typeof FORMATS;

/**
 * An instant shown as Beijing wall-clock time (the platform's time, whatever the browser's zone);
 * none yet reads as a dash, and text that is no time as it is. Every time the console shows goes through here.
 */
export function formatBeijing(at: string | Date | null | undefined, format: BeijingFormat = 'minute'): string {
  if (!at) return '—';
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return Number.isNaN(ms) ? String(at) : FORMATS[format](beijingFields(new Date(ms)));
}

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
