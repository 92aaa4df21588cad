import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineCommand } from '../../contract';

export class CalendarEntryV1 {
  @IsLocalDate()
  date!: string;

  @IsIn(['holiday', 'makeup_workday'])
  kind!: 'holiday' | 'makeup_workday';

  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  nameZh!: string;
}

/**
 * The Department enters a year's holidays and make-up working days from the State Council's notice
 * and marks the year confirmed: only then does publicity count working days in it (M9.2).
 */
export class SetCalendarYearV1 {
  @IsInt()
  @Min(2000)
  @Max(2999)
  year!: number;

  @IsBoolean()
  confirmed!: boolean;

  /** The notice the entries come from, e.g. 国务院办公厅关于2027年部分节假日安排的通知. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  source!: string;

  @IsArray()
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  @Type(() => CalendarEntryV1)
  entries!: CalendarEntryV1[];
}
export const SetCalendarYear = defineCommand('publicity.calendar.set-year.v1', SetCalendarYearV1, 'CalendarYearViewV1');
