import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

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
