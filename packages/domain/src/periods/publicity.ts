import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { PolicyProfile } from '../policy/policy-profile';
import { LocalDate, addDays, parseLocalDate, startOfShanghaiDay, toShanghaiDate } from '../shared/local-date';

export interface PublicityRule {
  workingDays: number;
  countsPublicationDay: boolean;
  descriptionZh: string;
  descriptionEn: string;
  profile: { id: string; version: string };
}

export interface PublicityPeriod {
  publicationDate: LocalDate;
  /** Working day 1 of the publicity. */
  startDate: LocalDate;
  /** Last working day of the publicity, included: objections are accepted until 24:00 that day. */
  endDate: LocalDate;
  workingDays: number;
  /** The instant the publicity is over (00:00 Asia/Shanghai after endDate). */
  endsAt: Date;
  rule: PublicityRule;
}

function describe(profile: PolicyProfile): Pick<PublicityRule, 'descriptionZh' | 'descriptionEn'> {
  const n = profile.publicityWorkingDays;
  return profile.publicityCountsPublicationDay
    ? {
        descriptionZh: `公示期为${n}个工作日；发布日为工作日的计为第1个工作日，发布日非工作日的自其后第一个工作日起算；按国务院节假日安排（含调休上班日）计算。`,
        descriptionEn: `${n} working days; the publication day is day 1 when it is a working day, otherwise day 1 is the next working day; State Council holiday calendar with make-up working days.`,
      }
    : {
        descriptionZh: `公示期为${n}个工作日，自发布日的次日起算（发布日不计入）；按国务院节假日安排（含调休上班日）计算。`,
        descriptionEn: `${n} working days counted from the day after publication (the publication day does not count); State Council holiday calendar with make-up working days.`,
      };
}

/**
 * M9.2: start and end of the publicity of the decision list published on `publicationDate`.
 * Throws CALENDAR_YEAR_UNCONFIRMED when the period would run into a year not yet confirmed.
 */
export function publicityPeriod(
  publicationDate: LocalDate,
  profile: PolicyProfile,
  calendar: WorkingDayCalendar,
): PublicityPeriod {
  const published = parseLocalDate(publicationDate, 'publicationDate');
  const n = profile.publicityWorkingDays;
  const startDate = profile.publicityCountsPublicationDay
    ? calendar.nextWorkingDayOnOrAfter(published)
    : calendar.addWorkingDays(published, 1);
  const endDate = calendar.addWorkingDays(startDate, n - 1);
  return {
    publicationDate: published,
    startDate,
    endDate,
    workingDays: n,
    endsAt: startOfShanghaiDay(addDays(endDate, 1)),
    rule: {
      workingDays: n,
      countsPublicationDay: profile.publicityCountsPublicationDay,
      ...describe(profile),
      profile: { id: profile.id, version: profile.version },
    },
  };
}

/** M9.2: an objection lodged at `instant` is inside the publicity period. */
export function isWithinPublicity(period: PublicityPeriod, instant: Date): boolean {
  const day = toShanghaiDate(instant);
  return day >= period.startDate && day <= period.endDate;
}

/** M9.3: the publicity period is over at `instant` (the recognition document may then be issued). */
export function isPublicityOver(period: PublicityPeriod, instant: Date): boolean {
  return toShanghaiDate(instant) > period.endDate;
}
