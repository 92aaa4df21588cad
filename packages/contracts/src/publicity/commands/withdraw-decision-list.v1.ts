import { IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { MultilineText } from '../../common/dto';
import { defineCommand } from '../../contract';

/**
 * The Department withdraws a decided list before it is published (M9.1, ADR 0025): its candidates
 * return to REVIEWED to be decided again; the list stays on record, withdrawn, with its hash.
 */
export class WithdrawDecisionListV1 {
  @IsUUID()
  decisionListId!: string;

  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  reason!: string;
}
export const WithdrawDecisionList = defineCommand('publicity.decision-list.withdraw.v1', WithdrawDecisionListV1, 'DecisionListViewV1');
