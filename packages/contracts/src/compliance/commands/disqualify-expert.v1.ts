import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

export const EXPERT_MISCONDUCT = ['leaked_technical_secrets', 'took_applicant_results'] as const;
export type ExpertMisconduct = (typeof EXPERT_MISCONDUCT)[number];

/** An expert who leaked technical secrets or took an applicant's results is disqualified (M11.2). */
export class DisqualifyExpertV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  expertId!: string;

  @IsIn(EXPERT_MISCONDUCT)
  misconduct!: ExpertMisconduct;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(4000)
  detail!: string;

  /** Date of the decision; today (China Standard Time) when omitted. */
  @IsOptional()
  @IsLocalDate()
  decisionDate?: string;
}
export const DisqualifyExpert = defineCommand('compliance.expert.disqualify.v1', DisqualifyExpertV1, 'ExpertDisqualificationViewV1');
