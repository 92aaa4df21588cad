import { IsDateString, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineCommand } from '../../contract';

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

  /** M15: the registered profile the batch is judged by; the platform's default profile when absent. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  policyProfileId?: string;

  /** M15: its version; the version in force on the opening day when absent. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  policyProfileVersion?: string;
}
export const OpenBatch = defineCommand('intake.batch.open.v1', OpenBatchV1, 'BatchViewV1');
