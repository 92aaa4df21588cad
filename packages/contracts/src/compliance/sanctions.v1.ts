import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { defineCommand, defineQuery } from '../contract';
import { EmptyDto, IsLocalDate } from '../common/dto';
import { MultilineText } from '../common/edge-rules';

/** A third-party institution's major error bars it from recognition work for 3 years (M10.3). */
export class ImposeInstitutionBanV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  institutionId!: string;

  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  institutionUscc!: string;

  /** The major error established, as recorded in the decision. */
  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(4000)
  error!: string;

  /** Date of the decision; today (China Standard Time) when omitted. */
  @IsOptional()
  @IsLocalDate()
  decisionDate?: string;
}
export const ImposeInstitutionBan = defineCommand('compliance.institution-ban.impose.v1', ImposeInstitutionBanV1, 'InstitutionBanViewV1');

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

export const ListInstitutionBans = defineQuery('compliance.institution-ban.list.v1', EmptyDto, 'InstitutionBanListV1');
export const ListExpertDisqualifications = defineQuery('compliance.expert-disqualification.list.v1', EmptyDto, 'ExpertDisqualificationListV1');
