import { IsNotEmpty, IsString, IsUUID, Matches } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineEvent } from '../../contract';

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
