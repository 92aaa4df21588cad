import type { CalendarYearViewV1 } from '@firstset/contracts';
import { Injectable } from '@nestjs/common';
import { CalendarEntryInvalidError, InvalidDateError } from '@firstset/domain';
import { SetCalendarYearV1 } from '@firstset/contracts';
import { MessageMeta, ServiceError } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { CalendarStore } from './calendar-store';

export type CalendarYearView = CalendarYearViewV1;

/**
 * A refused entry named at its field (`entries.3.date`) so the form shows the problem there: the
 * last entry with the date (the second of a pair listed twice). Other errors pass unchanged.
 */
function atTheEntry(err: unknown, input: SetCalendarYearV1): unknown {
  const refused = err instanceof CalendarEntryInvalidError ? err : err instanceof InvalidDateError ? err : null;
  if (!refused) return err;
  const date = refused instanceof CalendarEntryInvalidError ? refused.date : String((refused.details as { value?: unknown }).value ?? '');
  const index = input.entries.map((e) => e.date).lastIndexOf(date);
  if (index < 0) return err;
  const [zh, en] = refused instanceof CalendarEntryInvalidError ? [refused.problemZh, refused.problemEn] : ['不是有效的日期', 'is not a valid date'];
  return new ServiceError(refused.code, 422, `${refused.message} / ${refused.messageEn}`, undefined, [
    { field: `entries.${index}.date`, message: `${zh} / ${en}`, rule: refused.code },
  ]);
}

/**
 * The Department replaces one year of the working-day calendar from the State Council's notice
 * and says whether it is confirmed. The domain validates the entries (real dates of that year,
 * make-up working days only on weekends, no date twice) before anything is written. Periods
 * already computed keep their stored dates; new ones count on the new table.
 */
@Injectable()
export class SetCalendarYear {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly calendar: CalendarStore,
    private readonly clock: Clock,
  ) {}

  execute(input: SetCalendarYearV1, meta: MessageMeta): Promise<CalendarYearView> {
    requireActor(meta, ['department_officer']);
    const spec = { action: 'calendar.set-year', objectType: 'calendar-year', objectId: String(input.year) };
    return this.commands.run(meta, spec, async (tx) => {
      const current = await this.calendar.load(tx);
      domainRule(() => {
        try {
          return current.withYear(input.year, input.entries, { confirmed: input.confirmed });
        } catch (err) {
          throw atTheEntry(err, input);
        }
      });
      const prefix = `${input.year}-`;
      await tx.calendarDay.deleteMany({ where: { date: { startsWith: prefix } } });
      await tx.calendarDay.createMany({ data: input.entries.map((e) => ({ date: e.date, kind: e.kind, nameZh: e.nameZh })) });
      const year = { confirmed: input.confirmed, source: input.source, confirmedAt: input.confirmed ? this.clock.now() : null };
      await tx.calendarYear.upsert({ where: { year: input.year }, create: { year: input.year, ...year }, update: year });
      const holidays = input.entries.filter((e) => e.kind === 'holiday').length;
      return {
        result: { year: input.year, confirmed: input.confirmed, source: input.source, holidays, makeupWorkdays: input.entries.length - holidays },
        detail: { confirmed: input.confirmed, entries: input.entries.length },
      };
    });
  }
}
