import { IsDateString, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

/** The Department extends a batch's application window, with the reason on record (M7.1). */
export class ExtendBatchWindowV1 {
  @IsUUID()
  batchId!: string;

  /** The new close (excluded), later than the current one. */
  @IsDateString({ strict: true })
  windowClosesAt!: string;

  /** A new deadline for the prefectures' summaries, when the old one would precede the new close. */
  @IsOptional()
  @IsLocalDate()
  prefectureDeadline?: string;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  reason!: string;
}
export const ExtendBatchWindow = defineCommand('intake.batch.extend-window.v1', ExtendBatchWindowV1, 'BatchViewV1');
