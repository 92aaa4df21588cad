import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineCommand } from '../../contract';

/** The Department's decision on one reviewed candidate (M9.1): a reason for each one not selected. */
export class CandidateDecisionV1 {
  @IsUUID()
  applicationId!: string;

  @IsIn(['selected', 'not_selected'])
  outcome!: 'selected' | 'not_selected';

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

/**
 * The Department decides every reviewed candidate of a batch at once (M9.1), at a recorded
 * meeting: the selected make the frozen list, the others are not selected; none stays REVIEWED.
 */
export class DecideBatchV1 {
  @IsUUID()
  batchId!: string;

  /** The meeting's reference (厅务会/专题会纪要号). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  meetingRef!: string;

  /** The meeting's date: today or earlier (China date). */
  @IsLocalDate()
  meetingOn!: string;

  /** The deliberation notes kept with the list. */
  @IsString()
  @MaxLength(4000)
  deliberation!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => CandidateDecisionV1)
  decisions!: CandidateDecisionV1[];
}
export const DecideBatch = defineCommand('publicity.decision.decide-batch.v1', DecideBatchV1, 'BatchDecisionViewV1');
