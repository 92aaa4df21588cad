import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

export const REVOCATION_GROUNDS = ['IMPROPER_MEANS'] as const;
export type RevocationGround = (typeof REVOCATION_GROUNDS)[number];

/** Revoke a recognition obtained by improper means, with the 3-year applicant ban (M10.2). */
export class RevokeRecognitionV1 {
  @IsUUID()
  recognitionId!: string;

  @IsIn(REVOCATION_GROUNDS)
  grounds!: RevocationGround;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(4000)
  reason!: string;

  /** Date of the revocation decision; today (China Standard Time) when omitted. */
  @IsOptional()
  @IsLocalDate()
  decisionDate?: string;
}
export const RevokeRecognition = defineCommand('compliance.recognition.revoke.v1', RevokeRecognitionV1, 'RevocationViewV1');
