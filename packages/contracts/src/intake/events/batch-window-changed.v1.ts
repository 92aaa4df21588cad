import { IsDateString, IsIn, IsInt, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineEvent } from '../../contract';

/**
 * The Department extended the application window or closed it early (M7.1), possibly moving the
 * prefectures' deadline for their summaries: every service keeping the batch's dates follows.
 */
export class BatchWindowChangedV1 {
  @IsUUID()
  batchId!: string;

  @IsInt()
  year!: number;

  @IsString()
  name!: string;

  @IsIn(['extend', 'close_early'])
  kind!: 'extend' | 'close_early';

  @IsDateString()
  previousClosesAt!: string;

  @IsDateString()
  windowClosesAt!: string;

  @IsLocalDate()
  prefectureDeadline!: string;

  @IsString()
  @MaxLength(500)
  reason!: string;

  @IsDateString()
  changedAt!: string;
}
export const BatchWindowChanged = defineEvent('intake.batch.window-changed.v1', BatchWindowChangedV1);
