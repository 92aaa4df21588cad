import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Files a party attaches to a record (an inquiry's answer, a tracking report): these types by content, this size each. */
export const ATTACHMENT_TYPES = ['pdf', 'jpg', 'png'] as const;
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** A file the gateway checked and stored, as the owning service records it with the record's reference. */
export class StoredAttachmentV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fileName!: string;

  @IsIn(ATTACHMENT_TYPES)
  mediaType!: string;

  @IsInt()
  @Min(1)
  @Max(ATTACHMENT_MAX_BYTES)
  size!: number;

  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  objectKey!: string;
}
