import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { defineCommand, defineQuery } from '../contract';
import { EmptyDto, IsLocalDate } from '../common/dto';
import { MultilineText } from '../common/edge-rules';

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

export const ListRecognitions = defineQuery('compliance.recognition.list.v1', EmptyDto, 'RecognitionListV1');
export const ListApplicantBans = defineQuery('compliance.applicant-ban.list.v1', EmptyDto, 'ApplicantBanListV1');
