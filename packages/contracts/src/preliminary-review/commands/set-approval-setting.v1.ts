import { IsBoolean, IsOptional, IsString, Matches } from 'class-validator';
import { defineCommand } from '../../contract';

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
