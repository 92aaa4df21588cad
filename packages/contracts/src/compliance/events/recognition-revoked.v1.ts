import { IsDateString, IsString, IsUUID, Matches } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { defineEvent } from '../../contract';

export class RecognitionRevokedV1 {
  @IsUUID()
  revocationId!: string;

  @IsUUID()
  recognitionId!: string;

  @IsUUID()
  applicationId!: string;

  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  uscc!: string;

  @IsString()
  grounds!: string;

  @IsString()
  reason!: string;

  @IsLocalDate()
  decisionDate!: string;

  @IsDateString()
  revokedAt!: string;
}
export const RecognitionRevoked = defineEvent('compliance.recognition.revoked.v1', RecognitionRevokedV1);
