import dayjs, { Dayjs } from 'dayjs';
import type { components } from '../../shared/api/generated/schema';
import { formName } from '../../shared/ui/problem-form';

/** The calendar as publicity's GetCalendar sends it: the years with their status, and every entry. */
export type CalendarView = components['schemas']['CalendarViewV1'];
export type YearMeta = CalendarView['years'][number];

export type Kind = 'holiday' | 'makeup_workday';
export type ListName = 'holidays' | 'makeupWorkdays';
export interface DayRow {
  date?: Dayjs | null;
  nameZh?: string;
}
export interface YearForm {
  source: string;
  confirmed: boolean;
  holidays: DayRow[];
  makeupWorkdays: DayRow[];
}
export interface Entry {
  date: string;
  kind: Kind;
  nameZh: string;
  list: ListName;
  index: number;
}

/** The two lists of the form, in the order their entries are sent. */
const LISTS: Array<{ name: ListName; kind: Kind }> = [
  { name: 'holidays', kind: 'holiday' },
  { name: 'makeupWorkdays', kind: 'makeup_workday' },
];
export const ISO = 'YYYY-MM-DD';
export const isWeekend = (d: Dayjs) => d.day() === 0 || d.day() === 6;

/** A year's entries of one kind in the calendar. */
const entriesIn = (view: CalendarView, year: number, kind: Kind) => view.entries.filter((e) => e.kind === kind && e.date.startsWith(`${year}-`));

/** The form's first values for a year: what the calendar holds, or an empty year not yet entered. */
export function initialYear(view: CalendarView, year: number): YearForm {
  const meta = view.years.find((y) => y.year === year);
  const rows = (kind: Kind) => entriesIn(view, year, kind).map((e) => ({ date: dayjs(e.date), nameZh: e.nameZh }));
  return { source: meta?.source ?? '', confirmed: meta?.confirmed ?? false, holidays: rows('holiday'), makeupWorkdays: rows('makeup_workday') };
}

/** How many holidays and make-up working days a year has. */
export const countsOf = (view: CalendarView, year: number) => ({ holidays: entriesIn(view, year, 'holiday').length, makeup: entriesIn(view, year, 'makeup_workday').length });

/** The rows with a date, as the server's entries (holidays first): what is saved, in that order. */
export function entriesOf(v: Partial<YearForm>): Entry[] {
  return LISTS.flatMap(({ name, kind }) =>
    (v[name] ?? []).map((r, index) => ({ date: r?.date ? r.date.format(ISO) : '', kind, nameZh: (r?.nameZh ?? '').trim(), list: name, index })),
  );
}

/** The body of the year's PUT: the notice, the confirmation and the entries without their form places. */
export const yearBody = (v: YearForm, entries: Entry[]) => ({
  source: v.source.trim(),
  confirmed: v.confirmed,
  entries: entries.map(({ date, kind, nameZh }) => ({ date, kind, nameZh })),
});

/**
 * The server names entries by their place in what was sent (`entries.3.date`): each such error
 * back at its row of its list (a wrong kind shows at the row's date). Errors about other fields
 * are left out.
 */
export function entryErrors(errors: Array<{ field: string; message: string }>, entries: Entry[]): Array<{ name: Array<string | number>; message: string }> {
  return errors.flatMap((e) => {
    if (!e.field.startsWith('entries.')) return [];
    const [, n, ...rest] = formName(e.field);
    const entry = entries[Number(n)];
    return entry ? [{ name: [entry.list, entry.index, ...(rest[0] === 'kind' ? ['date'] : rest)], message: e.message }] : [];
  });
}

/** The dates of the two lists as they stand in the form, for the month view. */
export function byDate(holidays: DayRow[] | undefined, makeup: DayRow[] | undefined): Map<string, { kind: Kind; nameZh?: string }> {
  const out = new Map<string, { kind: Kind; nameZh?: string }>();
  for (const [rows, kind] of [[holidays, 'holiday'], [makeup, 'makeup_workday']] as const) {
    for (const r of rows ?? []) if (r?.date) out.set(dayjs(r.date).format(ISO), { kind, nameZh: r.nameZh });
  }
  return out;
}

/** The years to list, newest first: those in the calendar and the one being entered. */
export function yearsOf(view: CalendarView, entering?: number): number[] {
  return [...new Set([...view.years.map((y) => y.year), ...(entering ? [entering] : [])])].sort((a, b) => b - a);
}

/** The year shown when none is chosen: the nearest year still to confirm, else the current year, else the newest. */
export function defaultYear(view: CalendarView, years: number[], now: number): number | undefined {
  const toConfirm = years.filter((y) => y >= now && !view.years.find((v) => v.year === y)?.confirmed).sort((a, b) => a - b)[0];
  return toConfirm ?? (years.includes(now) ? now : years[0]);
}
