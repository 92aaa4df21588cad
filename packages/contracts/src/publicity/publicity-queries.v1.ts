import { defineQuery } from '../contract';
import { EmptyDto, OptionalBatchDto } from '../common/dto';

/** The working-day calendar publicity counts on (M9.2): years with their confirmation, and entries. */
export const GetCalendar = defineQuery('publicity.calendar.get.v1', EmptyDto, 'CalendarViewV1');

/** Decision lists with their publicity and recognition document, newest first (M9.1–M9.3). */
export const ListDecisionLists = defineQuery('publicity.decision-list.list.v1', OptionalBatchDto, 'DecisionListDetailListV1');
