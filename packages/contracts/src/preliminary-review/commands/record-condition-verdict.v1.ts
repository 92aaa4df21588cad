import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

import { CONDITION_IDS, type ConditionId } from '@firstset/domain';

export { CONDITION_IDS, type ConditionId };
/** met; not met (the application fails the condition, or is excluded); needs correction by the enterprise. */
export const CONDITION_VERDICTS = ['MET', 'NOT_MET', 'NEEDS_CORRECTION'] as const;
export type ConditionVerdictKind = (typeof CONDITION_VERDICTS)[number];

/**
 * The reviewer's verdict on one condition of M5 or exclusion of M6 (M12.1), recorded on the same
 * formal review sheet as the material verdicts. A verdict other than MET needs a note saying why.
 */
export class RecordConditionVerdictV1 {
  @IsUUID()
  applicationId!: string;

  @IsIn(CONDITION_IDS)
  conditionId!: ConditionId;

  @IsIn(CONDITION_VERDICTS)
  verdict!: ConditionVerdictKind;

  @IsOptional()
  @IsString()
  @MultilineText()
  @MaxLength(2000)
  note?: string;
}
export const RecordConditionVerdict = defineCommand('preliminary-review.condition.verdict.v1', RecordConditionVerdictV1, 'FormalReviewSheetV1');
