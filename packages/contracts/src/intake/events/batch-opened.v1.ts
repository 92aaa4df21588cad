import { IsDateString, IsInt, IsOptional, IsString, IsUUID } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineEvent } from '../../contract';

export class BatchOpenedV1 {
  @IsUUID()
  batchId!: string;

  @IsInt()
  year!: number;

  @IsString()
  name!: string;

  @IsDateString()
  windowOpensAt!: string;

  @IsDateString()
  windowClosesAt!: string;

  @IsLocalDate()
  prefectureDeadline!: string;

  @IsString()
  policyProfileVersion!: string;

  /** M15: absent in events sent before the id was carried (the draft's id). */
  @IsOptional()
  @IsString()
  policyProfileId?: string;
}
export const BatchOpened = defineEvent('intake.batch.opened.v1', BatchOpenedV1);
