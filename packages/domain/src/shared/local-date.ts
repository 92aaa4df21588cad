import { InvalidDateError, InvalidInstantError, assertNonNegativeInteger } from './errors';

/**
 * A calendar date in Asia/Shanghai, as an ISO string 'YYYY-MM-DD'. Branded so that only validated
 * strings (parseLocalDate) flow into the rules; plain strings compare correctly as ISO dates.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

/** The time zone every local date in the Measures refers to: China Standard Time, UTC+8, no DST. */
export const SHANGHAI_UTC_OFFSET_MINUTES = 8 * 60;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Years outside this range are data-entry errors in this domain, not dates to compute with.
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Validates and brands an ISO date; rejects impossible dates such as 2026-02-30. */
export function parseLocalDate(value: unknown, field = 'date'): LocalDate {
  if (typeof value !== 'string') throw new InvalidDateError(value, field);
  const m = ISO_DATE.exec(value);
  if (!m) throw new InvalidDateError(value, field);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new InvalidDateError(value, field);
  }
  return value as LocalDate;
}

export function isLocalDate(value: unknown): value is LocalDate {
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function dateParts(date: LocalDate): DateParts {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function fromParts(year: number, month: number, day: number): LocalDate {
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseLocalDate(s);
}

// Days since 1970-01-01 (proleptic Gregorian), after H. Hinnant's civil-date algorithms: integer
// arithmetic only, so no Date object and no host time zone is involved.
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = dateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromEpochDay(epochDay: number): LocalDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return fromParts(year, month, day);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Negative when a is before b, 0 when equal, positive after. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(date: LocalDate): boolean {
  return isoWeekday(date) >= 6;
}

export function yearOf(date: LocalDate): number {
  return dateParts(date).year;
}

/**
 * The corresponding day `years` later (or earlier, when negative). When that day does not exist
 * (29 February into a common year) the last day of the month is used — Civil Code Art. 202:
 * “没有对应日的，月末日为期间的最后一日”.
 */
export function addYearsClamped(date: LocalDate, years: number): LocalDate {
  const { year, month, day } = dateParts(date);
  const target = year + years;
  return fromParts(target, month, Math.min(day, daysInMonth(target, month)));
}

/** The Asia/Shanghai calendar date of an instant (UTC+8 all year: China has no DST). */
export function toShanghaiDate(instant: Date): LocalDate {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new InvalidInstantError();
  const shifted = ms + SHANGHAI_UTC_OFFSET_MINUTES * 60_000;
  return fromEpochDay(Math.floor(shifted / 86_400_000));
}

/** The instant 00:00 Asia/Shanghai at the start of a local date. */
export function startOfShanghaiDay(date: LocalDate): Date {
  return new Date(toEpochDay(date) * 86_400_000 - SHANGHAI_UTC_OFFSET_MINUTES * 60_000);
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

/** Checks the integer and returns it; used by rules that take a count of years. */
export function yearsArgument(field: string, years: number): number {
  assertNonNegativeInteger(field, years);
  return years;
}
