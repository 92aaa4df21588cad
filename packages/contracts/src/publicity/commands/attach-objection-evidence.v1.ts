import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { defineCommand } from '../../contract';
import { OBJECTOR_PHONE_PATTERN } from './lodge-objection.v1';
import { OBJECTION_RECEIPT_PATTERN } from '../queries/follow-objection.v1';

/** At most this many files of evidence per objection, each at most OBJECTION_ATTACHMENT_MAX_BYTES. */
export const OBJECTION_ATTACHMENTS_MAX = 5;
export const OBJECTION_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const OBJECTION_ATTACHMENT_TYPES = ['pdf', 'jpg', 'png'] as const;

/** The gateway records a file of evidence it stored for an objection still being received (ADR 0025). */
export class AttachObjectionEvidenceV1 {
  @Matches(OBJECTION_RECEIPT_PATTERN)
  receiptNo!: string;

  @Matches(OBJECTOR_PHONE_PATTERN)
  phone!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fileName!: string;

  @IsIn(OBJECTION_ATTACHMENT_TYPES)
  mediaType!: string;

  @IsInt()
  @Min(1)
  @Max(OBJECTION_ATTACHMENT_MAX_BYTES)
  size!: number;

  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  objectKey!: string;
}
export const AttachObjectionEvidence = defineCommand('publicity.objection.attach.v1', AttachObjectionEvidenceV1, 'ObjectionFollowV1');
