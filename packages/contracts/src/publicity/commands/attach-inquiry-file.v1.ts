import { IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { defineCommand } from '../../contract';
import { OBJECTION_ATTACHMENT_MAX_BYTES, OBJECTION_ATTACHMENT_TYPES } from './attach-objection-evidence.v1';

/** The gateway records a file it stored for the answer of an inquiry not yet answered (ADR 0025). */
export class AttachInquiryFileV1 {
  @IsUUID()
  inquiryId!: string;

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
export const AttachInquiryFile = defineCommand('publicity.objection-inquiry.attach.v1', AttachInquiryFileV1, 'PartyInquiryViewV1');
