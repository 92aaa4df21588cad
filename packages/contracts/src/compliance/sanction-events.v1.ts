import { IsNotEmpty, IsString, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../contract';
import { IsLocalDate } from '../common/dto';

/** An institution may not take part in recognition work from startsOn to endsOn, both included (M10.3). */
export class InstitutionBanImposedV1 {
  @IsUUID()
  banId!: string;

  @IsString()
  @IsNotEmpty()
  institutionId!: string;

  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  institutionUscc!: string;

  @IsLocalDate()
  startsOn!: string;

  @IsLocalDate()
  endsOn!: string;
}
export const InstitutionBanImposed = defineEvent('compliance.institution-ban.imposed.v1', InstitutionBanImposedV1);

/** An expert is disqualified from the decision date, without a term (M11.2). */
export class ExpertDisqualifiedV1 {
  @IsUUID()
  disqualificationId!: string;

  @IsString()
  @IsNotEmpty()
  expertId!: string;

  @IsLocalDate()
  decisionDate!: string;
}
export const ExpertDisqualified = defineEvent('compliance.expert.disqualified.v1', ExpertDisqualifiedV1);
