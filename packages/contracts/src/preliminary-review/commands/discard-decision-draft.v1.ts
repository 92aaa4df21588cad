import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

export class DiscardDecisionDraftV1 {
  @IsUUID()
  applicationId!: string;

  /** Why: the drafter withdraws it, or the approver sends it back (the drafter sees this). */
  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  reason!: string;
}
/**
 * Two-step approval: the drafted decision is withdrawn by its drafter or sent back by another
 * officer of the prefecture, with a reason; the case is open for a new decision.
 */
export const DiscardDecisionDraft = defineCommand('preliminary-review.decision.discard.v1', DiscardDecisionDraftV1, 'ReviewCaseViewV1');
