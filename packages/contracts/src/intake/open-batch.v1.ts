import { IsDateString, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { defineCommand } from '../contract';
import { IsLocalDate } from '../common/dto';

/** The Department opens the annual batch (M7.1): one a year, with its application window. */
export class OpenBatchV1 {
  @IsInt()
  @Min(2020)
  @Max(2100)
  year!: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsDateString({ strict: true })
  windowOpensAt!: string;

  @IsDateString({ strict: true })
  windowClosesAt!: string;

  @IsLocalDate()
  prefectureDeadline!: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  policyProfileVersion?: string;
}
export const OpenBatch = defineCommand('intake.batch.open.v1', OpenBatchV1, 'BatchViewV1');
