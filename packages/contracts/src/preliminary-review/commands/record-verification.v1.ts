import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsLocalDate } from '../../common/dto';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

export const VERIFICATION_KINDS = ['ORIGINALS_CHECKED', 'SITE_VISIT'] as const;

/** A verification action of M12.1, recorded with who (the actor) and when (the date performed). */
export class RecordVerificationV1 {
  @IsUUID()
  applicationId!: string;

  @IsIn(VERIFICATION_KINDS)
  kind!: (typeof VERIFICATION_KINDS)[number];

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  note!: string;

  /** China date on which it was done (not in the future). */
  @IsLocalDate()
  performedOn!: string;
}
export const RecordVerification = defineCommand('preliminary-review.verification.record.v1', RecordVerificationV1, 'FormalReviewSheetV1');
