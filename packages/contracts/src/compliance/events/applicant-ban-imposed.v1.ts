import { IsString, IsUUID, Matches } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineEvent } from '../../contract';

export class ApplicantBanImposedV1 {
  @IsUUID()
  banId!: string;

  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  uscc!: string;

  /** First day of the ban and the last day on which it applies (both inclusive). */
  @IsLocalDate()
  startsOn!: string;

  @IsLocalDate()
  endsOn!: string;

  @IsString()
  reason!: string;

  @IsUUID()
  revocationId!: string;
}
/** The applicant may not apply again for the profile's ban years (M10.2). */
export const ApplicantBanImposed = defineEvent('compliance.applicant-ban.imposed.v1', ApplicantBanImposedV1);
