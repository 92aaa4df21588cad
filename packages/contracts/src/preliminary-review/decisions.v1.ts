import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { defineCommand, defineQuery } from '../contract';
import { ApplicationRefDto, EmptyDto, IsLocalDate } from '../common/dto';
import { CorrectionItemV1 } from './correction-events.v1';
import { MultilineText } from '../common/edge-rules';

/** A Measures ID as in shared/policy/README.md, e.g. M7.4 or M5.5. */
export const MEASURES_ID = /^M\d{1,2}(\.\d{1,2})?$/;

export class ReturnForCorrectionV1 {
  @IsUUID()
  applicationId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CorrectionItemV1)
  items!: CorrectionItemV1[];

  /** Last day (China date, included) for the enterprise to resubmit. */
  @IsLocalDate()
  deadline!: string;

  @IsArray()
  @ArrayMinSize(1)
  @Matches(MEASURES_ID, { each: true })
  measuresIds!: string[];
}
/** Return for correction (退回补正, M7.3): items with reasons, a deadline, the articles. */
export const ReturnForCorrection = defineCommand('preliminary-review.application.return.v1', ReturnForCorrectionV1, 'ReviewCaseViewV1');

export class RejectApplicationV1 {
  @IsUUID()
  applicationId!: string;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  reason!: string;

  @IsArray()
  @ArrayMinSize(1)
  @Matches(MEASURES_ID, { each: true })
  measuresIds!: string[];
}
/** Reject at preliminary review: final for this batch, citing the articles (M7.3, M12.1). */
export const RejectApplication = defineCommand('preliminary-review.application.reject.v1', RejectApplicationV1, 'ReviewCaseViewV1');

/** A second officer of the prefecture approves the decision drafted on the case (two-step approval). */
export const ApproveDecision = defineCommand('preliminary-review.decision.approve.v1', ApplicationRefDto, 'ReviewCaseViewV1');

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

export class SetApprovalSettingV1 {
  @IsBoolean()
  twoStepApproval!: boolean;

  /** Only the Department names the prefecture; an officer sets the own one. */
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/)
  prefectureId?: string;
}
/** Turns two-step approval of decisions on or off for a prefecture (default off). */
export const SetApprovalSetting = defineCommand('preliminary-review.settings.approval.set.v1', SetApprovalSettingV1, 'ApprovalSettingV1');
export const GetApprovalSetting = defineQuery('preliminary-review.settings.approval.get.v1', EmptyDto, 'ApprovalSettingV1');
