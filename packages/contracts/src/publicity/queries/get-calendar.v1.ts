import { EmptyDto } from '../../common/dto';
import { defineQuery } from '../../contract';

/** The working-day calendar publicity counts on (M9.2): years with their confirmation, and entries. */
export const GetCalendar = defineQuery('publicity.calendar.get.v1', EmptyDto, 'CalendarViewV1');
