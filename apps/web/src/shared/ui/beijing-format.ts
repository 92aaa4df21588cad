// Instants as Beijing wall-clock text, with no date library: the public pages (no antd, ADR 0032)
// and the console (beijing-time.tsx) both show times through here.

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** An instant's Beijing wall-clock fields, 'YYYY-MM-DDTHH:mm:ss', read without the browser's zone. */
export const beijingFields = (at: string | Date): string =>
  new Date((typeof at === 'string' ? Date.parse(at) : at.getTime()) + BEIJING_OFFSET_MS).toISOString().slice(0, 19);

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
