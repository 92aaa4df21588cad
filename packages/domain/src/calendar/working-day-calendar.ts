import { DomainError, InvalidArgumentError } from '../shared/errors';
import { LocalDate, addDays, isWeekend, parseLocalDate, yearOf } from '../shared/local-date';

/**
 * Working days under the State Council holiday calendar, make-up working weekends (调休) included.
 * A year counts only once it is marked confirmed (its notice has appeared and been entered): an
 * unconfirmed year is an explicit error, never a Monday–Friday guess — the maintained data packages
 * silently treat a year they do not know as Monday–Friday, which would end a publicity early.
 */
export type CalendarEntryKind = 'holiday' | 'makeup_workday';

export interface CalendarEntry {
  date: string;
  kind: CalendarEntryKind;
  nameZh: string;
}

export interface CalendarSeed {
  /** Where the entries came from (package@version, or the Department's table). */
  source: string;
  /** The State Council notice each confirmed year was checked against. */
  notices: Record<string, string>;
  confirmedYears: number[];
  entries: CalendarEntry[];
}

export class CalendarYearUnconfirmedError extends DomainError {
  readonly code = 'CALENDAR_YEAR_UNCONFIRMED';
  readonly year: number;
  constructor(year: number, date: string) {
    super(
      `${year}年的节假日安排尚未在工作日历中确认，无法计算涉及 ${date} 的工作日。请在国务院办公厅发布${year}年部分节假日安排通知后，由自治区工业和信息化厅录入并确认该年度日历。`,
      `The ${year} holiday calendar is not confirmed, so working days involving ${date} cannot be computed. Once the State Council publishes its ${year} holiday notice, the Department enters and confirms that year.`,
      { year, date },
    );
    this.year = year;
  }
}

export class CalendarEntryInvalidError extends DomainError {
  readonly code = 'CALENDAR_ENTRY_INVALID';
  constructor(
    readonly date: string,
    /** The problem alone, to be shown at the entry's field. */
    readonly problemZh: string,
    readonly problemEn: string,
  ) {
    super(`工作日历条目 ${date} 有误：${problemZh}。`, `Calendar entry ${date} is invalid: ${problemEn}.`, {
      date,
    });
  }
}

function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) {
    throw new InvalidArgumentError(
      'year',
      year,
      '应为 1900–2999 之间的年份',
      'expected a year between 1900 and 2999',
    );
  }
  return year;
}

export class WorkingDayCalendar {
  private readonly byDate: ReadonlyMap<string, CalendarEntry>;
  private readonly confirmed: ReadonlySet<number>;

  constructor(entries: readonly CalendarEntry[], confirmedYears: readonly number[]) {
    const byDate = new Map<string, CalendarEntry>();
    for (const e of entries) {
      const date = parseLocalDate(e.date, 'calendar entry date');
      if (e.kind !== 'holiday' && e.kind !== 'makeup_workday') {
        throw new CalendarEntryInvalidError(
          date,
          `类型「${String(e.kind)}」应为 holiday 或 makeup_workday`,
          `kind "${String(e.kind)}" must be holiday or makeup_workday`,
        );
      }
      if (e.kind === 'makeup_workday' && !isWeekend(date)) {
        throw new CalendarEntryInvalidError(
          date,
          '调休上班日应为周六或周日',
          'a make-up working day must fall on a Saturday or Sunday',
        );
      }
      if (byDate.has(date))
        throw new CalendarEntryInvalidError(date, '同一日期出现两次', 'the date is listed twice');
      byDate.set(date, { date, kind: e.kind, nameZh: e.nameZh });
    }
    this.byDate = byDate;
    this.confirmed = new Set(confirmedYears.map(checkYear));
  }

  static fromSeed(seed: CalendarSeed): WorkingDayCalendar {
    return new WorkingDayCalendar(seed.entries, seed.confirmedYears);
  }

  get confirmedYears(): number[] {
    return [...this.confirmed].sort((a, b) => a - b);
  }

  get entries(): CalendarEntry[] {
    return [...this.byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  isConfirmed(year: number): boolean {
    return this.confirmed.has(year);
  }

  /** The holiday or make-up entry on a date, if any (for display: “国庆节”, “春节调休上班”). */
  entryOn(date: LocalDate): CalendarEntry | null {
    return this.byDate.get(parseLocalDate(date)) ?? null;
  }

  isWorkingDay(date: LocalDate): boolean {
    const d = parseLocalDate(date);
    const year = yearOf(d);
    if (!this.confirmed.has(year)) throw new CalendarYearUnconfirmedError(year, d);
    const entry = this.byDate.get(d);
    if (entry) return entry.kind === 'makeup_workday';
    return !isWeekend(d);
  }

  /**
   * The n-th working day after `date` (before it when n is negative); `date` itself is not
   * counted. n = 0 returns `date` unchanged.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    let d = parseLocalDate(date);
    if (!Number.isInteger(n)) throw new InvalidArgumentError('n', n, '应为整数', 'expected an integer');
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0;) {
      d = addDays(d, step);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** `date` when it is a working day, else the first working day after it. */
  nextWorkingDayOnOrAfter(date: LocalDate): LocalDate {
    let d = parseLocalDate(date);
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** Working days from `from` to `to`, both included (0 when to < from). */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    let d = parseLocalDate(from, 'from');
    const end = parseLocalDate(to, 'to');
    let count = 0;
    for (; d <= end; d = addDays(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }

  /**
   * The Department's edit when a year's notice appears (or is corrected): replaces every entry of
   * `year` and sets whether the year is confirmed. Returns a new calendar; this one is unchanged.
   */
  withYear(
    year: number,
    entries: readonly CalendarEntry[],
    options: { confirmed: boolean },
  ): WorkingDayCalendar {
    checkYear(year);
    for (const e of entries) {
      const d = parseLocalDate(e.date, 'calendar entry date');
      if (yearOf(d) !== year) throw new CalendarEntryInvalidError(d, `不属于 ${year} 年`, `not in ${year}`);
    }
    const kept = this.entries.filter((e) => yearOf(e.date as LocalDate) !== year);
    const years = this.confirmedYears.filter((y) => y !== year);
    return new WorkingDayCalendar([...kept, ...entries], options.confirmed ? [...years, year] : years);
  }
}
