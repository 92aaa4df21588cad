import { Controller } from '@nestjs/common';
import { GetCalendar, SetCalendarYear as SetYear, SetCalendarYearV1 } from '@firstset/contracts';
import { Answers, MessageMeta } from '@firstset/messaging';
import { CalendarStore } from './calendar-store';
import { SetCalendarYear } from './set-calendar-year';

/** The working-day calendar publicity periods are counted on (M9.2). */
@Controller()
export class CalendarController {
  constructor(
    private readonly calendar: CalendarStore,
    private readonly setCalendarYear: SetCalendarYear,
  ) {}

  @Answers(GetCalendar)
  view() {
    return this.calendar.view();
  }

  @Answers(SetYear)
  setYear(input: SetCalendarYearV1, meta: MessageMeta) {
    return this.setCalendarYear.execute(input, meta);
  }
}
