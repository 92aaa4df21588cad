import type { CalendarYearViewV1 } from '@firstset/contracts';
import { Injectable } from '@nestjs/common';
import { SetCalendarYearV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { Tx } from '../prisma';
import { CalendarStore } from './calendar-store';

export type CalendarYearView = CalendarYearViewV1;

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
      domainRule(() => current.withYear(input.year, input.entries, { confirmed: input.confirmed }));
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
